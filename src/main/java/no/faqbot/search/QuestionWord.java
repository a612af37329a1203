package no.faqbot.search;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a question asks for, from its question word: how, why, when, where, who, what, or none.
 * Stop-word lists drop these words, yet "hvordan oppgraderer jeg" and "hvorfor må vi oppgradere"
 * want different answers; a phrasing asking the same kind of question as the message fits it
 * better.
 */
enum QuestionWord {
  NONE,
  HOW,
  WHY,
  WHEN,
  WHERE,
  WHO,
  WHAT;

  private static final Map<String, QuestionWord> WORDS =
      Map.ofEntries(
          Map.entry("hvordan", HOW),
          Map.entry("korleis", HOW),
          Map.entry("how", HOW),
          Map.entry("hur", HOW),
          Map.entry("hvorfor", WHY),
          Map.entry("kvifor", WHY),
          Map.entry("why", WHY),
          Map.entry("varför", WHY),
          Map.entry("når", WHEN),
          Map.entry("when", WHEN),
          Map.entry("hvornår", WHEN),
          Map.entry("när", WHEN),
          Map.entry("hvor", WHERE),
          Map.entry("kvar", WHERE),
          Map.entry("where", WHERE),
          Map.entry("hvem", WHO),
          Map.entry("kven", WHO),
          Map.entry("who", WHO),
          Map.entry("vem", WHO),
          Map.entry("hva", WHAT),
          Map.entry("kva", WHAT),
          Map.entry("what", WHAT),
          Map.entry("vad", WHAT),
          Map.entry("hvad", WHAT));
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

  /** "hvor" followed by these asks how much or how long, not where. */
  private static final java.util.Set<String> DEGREE =
      java.util.Set.of(
          "mye", "mange", "lang", "lenge", "stor", "stort", "ofte", "fort", "raskt", "høy", "mykje",
          "much", "many", "long", "often");

  /** Whether it tells answers apart: "what" opens questions of every kind. */
  boolean telling() {
    return this != NONE && this != WHAT;
  }

  /** The kind of the first question word in {@code text}, or {@link #NONE}. */
  static QuestionWord of(String text) {
    String[] words = NON_LETTERS.split(text.toLowerCase(Locale.ROOT));
    for (int i = 0; i < words.length; i++) {
      QuestionWord q = WORDS.get(words[i]);
      if (q != null) {
        boolean degree = i + 1 < words.length && DEGREE.contains(words[i + 1]);
        return degree ? NONE : q;
      }
    }
    return NONE;
  }
}
