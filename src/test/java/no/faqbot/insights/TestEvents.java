package no.faqbot.insights;

import java.util.List;

/** Chat turns for tests that fill the event store directly, naming only the values they mean. */
public final class TestEvents {
  private TestEvents() {}

  /**
   * A message and its reply: {@code entryId} and {@code score} for an answer, {@code suggestions}
   * for suggestions; null where the reply has none.
   */
  public static TurnEvent turn(
      long at,
      String conversation,
      String message,
      String replyType,
      String entryId,
      Double score,
      List<String> suggestions) {
    return new TurnEvent(
        at, conversation, "nb", message, replyType, entryId, score, null, null, suggestions, null);
  }

  /** A step of a guided flow reached; {@code message} only on the turn that started it. */
  public static TurnEvent flowStep(
      long at, String conversation, String message, String flow, String step, String outcome) {
    return new TurnEvent(
        at,
        conversation,
        "nb",
        message,
        "flow",
        null,
        null,
        null,
        null,
        null,
        new TurnEvent.FlowStep(flow, step, outcome));
  }
}
