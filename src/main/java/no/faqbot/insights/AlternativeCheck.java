package no.faqbot.insights;

import java.util.Locale;
import java.util.Set;
import no.faqbot.privacy.Redactor;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;

/**
 * What may not become an alternative phrasing of an entry, which the chat then serves to everyone:
 * text that still holds a secret or a personal number (recorded before the redaction knew its
 * form), text holding the redaction's marker, and text in another language than the entry's.
 */
final class AlternativeCheck {
  private static final Redactor REDACTOR = new Redactor();

  /** The marker redaction leaves, and its English form. */
  private static final Set<String> MARKERS = Set.of(Redactor.REMOVED, "[removed]");

  /** The function words of each language, from Lucene's stop word lists (also nynorsk). */
  private static final CharArraySet NORWEGIAN = NorwegianAnalyzer.getDefaultStopSet();

  private static final CharArraySet ENGLISH = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private AlternativeCheck() {}

  /** A refused phrasing: answered 400 with {@code code} "phrasing_refused". */
  static final class Refused extends IllegalArgumentException {
    /** Why, as a key the staff page turns into its own text: marker, secret or language. */
    final String reason;

    Refused(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  /**
   * @throws Refused saying why {@code phrasing} may not be added to an entry in {@code lang}
   */
  static void require(String phrasing, String lang) {
    String lower = phrasing.toLowerCase(Locale.ROOT);
    if (MARKERS.stream().anyMatch(lower::contains)) {
      throw new Refused(
          "marker", "the phrasing holds the marker of a removed secret: write it out instead");
    }
    Set<String> found = REDACTOR.redact(phrasing).found();
    if (!found.isEmpty()) {
      throw new Refused(
          "secret",
          "the phrasing holds what looks like a secret or personal data ("
              + String.join(", ", found)
              + "): it would be shown to everyone");
    }
    String other = otherLanguage(lower, lang);
    if (other != null) {
      throw new Refused(
          "language",
          "the phrasing reads as '" + other + "', the entry is '" + lang + "': add it there");
    }
  }

  /**
   * The language the phrasing reads as when that is not {@code lang}: it has more function words
   * only the other language has (æ, ø and å count for Norwegian); null when it fits or is unclear.
   */
  static String otherLanguage(String lower, String lang) {
    int norwegian = lower.matches(".*[æøå].*") ? 1 : 0;
    int english = 0;
    for (String word : lower.split("[^\\p{L}]+")) {
      boolean no = NORWEGIAN.contains(word);
      boolean en = ENGLISH.contains(word);
      norwegian += no && !en ? 1 : 0;
      english += en && !no ? 1 : 0;
    }
    if ("en".equals(lang) && norwegian > english) {
      return "nb";
    }
    return "nb".equals(lang) && english > norwegian ? "en" : null;
  }
}
