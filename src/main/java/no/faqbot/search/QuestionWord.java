package no.faqbot.search;

import java.util.Locale;
import java.util.Map;

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
          // Typed without å, as merchants on foreign keyboards do ("naar", "nar").
          Map.entry("naar", WHEN),
          Map.entry("nar", WHEN),
          Map.entry("when", WHEN),
          Map.entry("hvornår", WHEN),
          Map.entry("när", WHEN),
          Map.entry("hvor", WHERE),
          Map.entry("kvar", WHERE),
          // nynorsk "kor": where, or how in "kor mykje"; as "hvor", degree words make it neither
          Map.entry("kor", WHERE),
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

  /**
   * "hvor" (or Swedish "hur", nynorsk "kor") followed by these asks how much or how long, not where
   * or how.
   */
  private static final java.util.Set<String> DEGREE =
      java.util.Set.of(
          "mye", "mange", "lang", "lenge", "stor", "stort", "ofte", "fort", "raskt", "høy", "mykje",
          "much", "many", "long", "often", "länge", "længe", "mycket", "meget", "många");

  /** Whether it tells answers apart: "what" opens questions of every kind. */
  boolean telling() {
    return this != NONE && this != WHAT;
  }

  /**
   * The kind of the first question word in {@code text}, or {@link #NONE}. "When" inside a clause
   * is mostly a conjunction ("må vi gjøre noe når kontrakten løper ut?" asks whether, not when): it
   * only asks when it opens the message or a clause.
   */
  static QuestionWord of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean opens = true; // the first word opens the message
    int i = 0;
    while (i < lower.length()) {
      if (!Character.isLetter(lower.charAt(i))) {
        opens |= CLAUSE_END.indexOf(lower.charAt(i)) >= 0;
        i++;
        continue;
      }
      int start = i;
      i = wordEnd(lower, i);
      QuestionWord q = WORDS.get(lower.substring(start, i));
      if (q != null && (q != WHEN || opens)) {
        int next = i;
        while (next < lower.length() && !Character.isLetter(lower.charAt(next))) {
          next++;
        }
        boolean degree =
            next < lower.length() && DEGREE.contains(lower.substring(next, wordEnd(lower, next)));
        return degree ? NONE : q;
      }
      opens = false;
    }
    return NONE;
  }

  private static int wordEnd(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** After these a new clause opens. */
  private static final String CLAUSE_END = ".?!:;,";
}
