package no.faqbot.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The second opinion's words: runs of letters and digits cut to their first letters, a crude stem
 * that knows no language, so a neighbour's spelling or a new inflection still meets the entry's.
 */
final class PrefixWords {
  /** Words are compared by their first letters. */
  static final int PREFIX = 6;

  private PrefixWords() {}

  /** The words of {@code text}: runs of letters and digits, two or more, cut to their prefix. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean in = i < lower.length() && wordChar(lower.charAt(i));
      if (in && start < 0) {
        start = i;
      } else if (!in && start >= 0) {
        if (i - start > 1) {
          out.add(lower.substring(start, Math.min(i, start + PREFIX)));
        }
        start = -1;
      }
    }
    return out;
  }

  private static boolean wordChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == 'æ'
        || c == 'ø'
        || c == 'å'
        || c == 'ä'
        || c == 'ö'
        || c == 'ü';
  }
}
