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
    return spans(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  /**
   * Where each of {@link #split}'s sentences stands in the text: from {@code start} to {@code end}.
   */
  record Span(int start, int end) {}

  /** The sentences of {@code text} as {@link #split} finds them, by where they stand, in order. */
  static List<Span> spans(String text) {
    List<Span> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          (c == '.' || c == '!' || c == '?')
              && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
      if (end) {
        add(out, text, start, i + 1);
        start = i + 1;
      }
    }
    add(out, text, start, text.length());
    return out;
  }

  /** The sentence between {@code start} and {@code end}, stripped, when it holds a letter. */
  private static void add(List<Span> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (text.substring(start, end).codePoints().anyMatch(Character::isLetter)) {
      out.add(new Span(start, end));
    }
  }
}
