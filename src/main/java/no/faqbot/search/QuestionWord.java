package no.faqbot.search;

import java.util.Locale;
import java.util.Map;
import no.faqbot.format.WordLists;

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

  /** Read from {@code no/faqbot/words/<lang>/question-words.txt}. */
  private static final Map<String, QuestionWord> WORDS = kinds(WordLists.map("question-words"));

  /**
   * "hvor" (or Swedish "hur", nynorsk "kor") followed by these asks how much or how long, not where
   * or how.
   */
  private static final java.util.Set<String> DEGREE = WordLists.words("degree-words");

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

  private static Map<String, QuestionWord> kinds(Map<String, String> words) {
    Map<String, QuestionWord> kinds = new java.util.HashMap<>();
    words.forEach((word, kind) -> kinds.put(word, valueOf(kind.toUpperCase(Locale.ROOT))));
    return Map.copyOf(kinds);
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
