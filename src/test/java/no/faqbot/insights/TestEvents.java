package no.faqbot.insights;

import java.util.List;

/**
 * Chat turns for tests that fill the event store directly: the one place in the tests that spells
 * out {@link Event}'s columns, so tests name only the ones they mean.
 */
public final class TestEvents {
  private TestEvents() {}

  /**
   * A message and its reply: {@code entryId} and {@code score} for an answer, {@code suggestions}
   * for suggestions; null where the reply has none.
   */
  public static Event turn(
      long at,
      String conversation,
      String message,
      String replyType,
      String entryId,
      Double score,
      List<String> suggestions) {
    return turn(at, conversation, message, replyType, entryId, score, null, null, suggestions);
  }

  /** Like the other, with the search's second-best entry. */
  public static Event turn(
      long at,
      String conversation,
      String message,
      String replyType,
      String entryId,
      Double score,
      String runnerUpId,
      Double runnerUpScore,
      List<String> suggestions) {
    return new Event(
        at,
        EventKind.TURN,
        conversation,
        "nb",
        message,
        replyType,
        entryId,
        score,
        runnerUpId,
        runnerUpScore,
        suggestions,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A step of a guided flow reached; {@code message} only on the turn that started it. */
  public static Event flowStep(
      long at, String conversation, String message, String flow, String step, String outcome) {
    return new Event(
        at,
        EventKind.TURN,
        conversation,
        "nb",
        message,
        "flow",
        null,
        null,
        null,
        null,
        null,
        flow,
        step,
        outcome,
        null,
        null,
        null,
        null);
  }
}
