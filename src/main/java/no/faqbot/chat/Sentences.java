package no.faqbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The sentences of a message that ask something: where a long message's question is. */
final class Sentences {
  /** A sentence ends at . ! ? (or a line break) followed by space. */
  private static final Pattern END = Pattern.compile("(?<=[.!?…])\\s+|\\s*\\n+\\s*");

  /** More asking sentences than this in one message are read as a whole only. */
  static final int MAX_ASKING = 2;

  private Sentences() {}

  /**
   * The sentences that end with a question mark, the last {@link #MAX_ASKING} of them; none when
   * the message is one sentence (then the whole message is the question).
   */
  static List<String> asking(String message) {
    String[] parts = END.split(message.strip());
    if (parts.length < 2) {
      return List.of();
    }
    List<String> asking = new ArrayList<>();
    for (String part : parts) {
      String s = part.strip();
      if (s.endsWith("?") && s.length() < message.strip().length()) {
        asking.add(s);
      }
    }
    return asking.size() <= MAX_ASKING
        ? asking
        : asking.subList(asking.size() - MAX_ASKING, asking.size());
  }
}
