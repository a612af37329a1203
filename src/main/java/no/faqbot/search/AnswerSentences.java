package no.faqbot.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into sentences. Merchants often echo the answer's own wording rather than the
 * question's, so each sentence is measured like one more phrasing of the entry (see {@link
 * Coverage}).
 */
final class AnswerSentences {
  /** A sentence with fewer analysed terms ("Ja.", a heading) says too little to fit a message. */
  static final int MIN_TERMS = 2;

  private AnswerSentences() {}

  /** The sentences of {@code text}: ended by . ! or ? before a space, at least one letter each. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          (c == '.' || c == '!' || c == '?')
              && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
      if (end) {
        add(out, text.substring(start, i + 1));
        start = i + 1;
      }
    }
    add(out, text.substring(start));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    String s = sentence.strip();
    if (s.codePoints().anyMatch(Character::isLetter)) {
      out.add(s);
    }
  }
}
