package no.faqbot.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import no.faqbot.format.WordLists;

/**
 * Reads Danish, Swedish and nynorsk words as bokmål, so a neighbour's message meets the bokmål
 * content. Two parts: a small lexicon of function words, question words and very common verbs that
 * spelling cannot bridge (jag/jeg, inte/ikke, hvad/hva), replaced always; and general spelling
 * correspondences (ä/æ, ö/ø, k before a front vowel / kj, af/av, ej/ei, upp/opp, -era/-ere, ...),
 * tried only on a word the content does not know, and kept only when they give a word it knows.
 */
public final class NeighbourSpelling {
  /** Read from {@code no/faqbot/words/{sv,da,nn}/neighbour-spelling.txt}. */
  private static final Map<String, String> LEXICON = WordLists.map("neighbour-spelling");

  private static final Pattern UPP = Pattern.compile("^upp");
  private static final Pattern OP = Pattern.compile("^op(?!p)");
  private static final Pattern AF = Pattern.compile("^af");
  private static final Pattern UD = Pattern.compile("^ud");
  private static final Pattern ERA = Pattern.compile("era(r|s|de|t)?$");
  private static final Pattern SOFT_B = Pattern.compile("([aeiouyæøå])b$");
  private static final Pattern SOFT_G = Pattern.compile("([aeiouyæøå])g$");
  private static final Pattern SOFT_D = Pattern.compile("([aeiouyæøå])d$");
  private static final Pattern FINAL_E = Pattern.compile("e$");
  private static final Pattern FINAL_AR = Pattern.compile("ar$");
  private static final Pattern FINAL_ANE = Pattern.compile("ane$");
  private static final Pattern FINAL_INGA = Pattern.compile("inga$");
  private static final Pattern FINAL_A = Pattern.compile("([^aeiouyæøå])a$");

  /**
   * Spelling correspondences, tried in order; each gives one candidate word. Patterns compiled
   * once.
   */
  private static final List<UnaryOperator<String>> RULES =
      List.of(
          w -> w.replace('ä', 'æ'),
          w -> w.replace('ä', 'e'),
          w -> w.replace('ö', 'ø'),
          w -> w.replace("kö", "kjø").replace("kä", "kje").replace("ky", "kjy").replace('ö', 'ø'),
          w ->
              OP.matcher(UPP.matcher(w).replaceFirst("opp"))
                  .replaceFirst("opp")
                  .replace('ä', 'e')
                  .replace('ö', 'ø'),
          w -> AF.matcher(w).replaceFirst("av").replace("ej", "ei").replace("øj", "øy"),
          w -> UD.matcher(w).replaceFirst("ut"),
          w -> ERA.matcher(w).replaceFirst("ere$1").replace('ä', 'e').replace('ö', 'ø'),
          w -> w.replace("tion", "sjon").replace("ck", "kk"),
          w ->
              SOFT_D
                  .matcher(
                      SOFT_G.matcher(SOFT_B.matcher(w).replaceFirst("$1p")).replaceFirst("$1k"))
                  .replaceFirst("$1t"),
          w -> FINAL_AR.matcher(FINAL_E.matcher(w).replaceFirst("a")).replaceFirst("er"),
          // Danish æ where bokmål has e: vælge / velge, tæller / teller
          w -> w.replace('æ', 'e'),
          // nynorsk definite plurals and feminines: ordrane / ordrene, landa / landene,
          // oppgraderinga / oppgraderingen
          w -> FINAL_ANE.matcher(w).replaceFirst("ene"),
          w -> FINAL_INGA.matcher(w).replaceFirst("ingen"),
          w -> FINAL_A.matcher(w).replaceFirst("$1ene"));

  private NeighbourSpelling() {}

  /**
   * The message with neighbours' words replaced by bokmål ones. {@code known} says whether the
   * content knows a word; a spelling rule is only applied to a word it does not know.
   */
  public static String toBokmal(String message, Predicate<String> known) {
    return toBokmal(message, known, known);
  }

  /**
   * Like {@link #toBokmal(String, Predicate)}; when no correspondence gives a word the content
   * knows, the first one that gives a word {@code related} accepts (another form of a known word:
   * Danish udfaser, bokmål utfaser, where the content says utfasing) is taken, unless the word as
   * written is already such a form.
   */
  public static String toBokmal(
      String message, Predicate<String> known, Predicate<String> related) {
    return eachWord(message, w -> word(w, known, related));
  }

  /**
   * The message with each word (letters, and hyphens inside) replaced by what {@code word} gives
   * for it, and everything between words kept.
   */
  static String eachWord(String message, UnaryOperator<String> word) {
    StringBuilder out = new StringBuilder(message.length());
    int i = 0;
    int n = message.length();
    while (i < n) {
      if (!Character.isLetter(message.charAt(i))) {
        out.append(message.charAt(i++));
        continue;
      }
      int start = i;
      while (i < n && (Character.isLetter(message.charAt(i)) || message.charAt(i) == '-')) {
        i++;
      }
      out.append(word.apply(message.substring(start, i)));
    }
    return out.toString();
  }

  /**
   * Only the lexicon: for signals read straight from the words, without the content's vocabulary.
   */
  public static String toBokmal(String message) {
    return toBokmal(message, w -> true);
  }

  /** One lower-case word through the lexicon only: its bokmål word, or itself. */
  public static String lexicon(String lowerCaseWord) {
    return LEXICON.getOrDefault(lowerCaseWord, lowerCaseWord);
  }

  /** One word as {@link #toBokmal(String, Predicate, Predicate)} replaces it. */
  static String word(String word, Predicate<String> known, Predicate<String> related) {
    String lower = word.toLowerCase(Locale.ROOT);
    String mapped = LEXICON.get(lower);
    if (mapped != null) {
      return mapped;
    }
    if (lower.length() < 3 || known.test(lower)) {
      return word;
    }
    // A compound ending in a lexicon word: testläget is test + läget.
    for (int i = 3; i <= lower.length() - 4; i++) {
      String tail = LEXICON.get(lower.substring(i));
      if (tail != null && known.test(lower.substring(0, i) + tail)) {
        return lower.substring(0, i) + tail;
      }
    }
    for (UnaryOperator<String> rule : RULES) {
      String candidate = rule.apply(lower);
      if (!candidate.equals(lower) && known.test(candidate)) {
        return candidate;
      }
    }
    // Then the correspondences together, in order: a word often differs in more than one place.
    String candidate = lower;
    for (UnaryOperator<String> rule : RULES) {
      candidate = rule.apply(candidate);
      if (!candidate.equals(lower) && known.test(candidate)) {
        return candidate;
      }
    }
    if (related != known && !related.test(lower)) {
      for (UnaryOperator<String> rule : RULES) {
        String other = rule.apply(lower);
        if (!other.equals(lower) && related.test(other)) {
          return other;
        }
      }
    }
    return word;
  }
}
