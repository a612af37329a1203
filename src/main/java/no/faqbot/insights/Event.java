package no.faqbot.insights;

import java.util.List;

/**
 * One recorded event: a chat turn, a picked suggestion, a vote or a support e-mail. Columns that do
 * not apply to the kind are null. Never an IP address, a cookie, an e-mail address or an
 * attachment.
 *
 * @param at epoch milliseconds (UTC)
 * @param conversation the widget's random id for its session, or null
 * @param message what the merchant wrote; secrets are removed before it is stored, and it is cut to
 *     {@link #MAX_MESSAGE} (after the removal, so a cut never hides a secret from it)
 * @param suggestions entry ids offered, in order
 * @param helpful a vote: true helpful, false not
 */
public record Event(
    long at,
    EventKind kind,
    String conversation,
    String lang,
    String message,
    String replyType,
    String entryId,
    Double score,
    String runnerUpId,
    Double runnerUpScore,
    List<String> suggestions,
    String flowId,
    String flowStep,
    String flowOutcome,
    Boolean helpful,
    String caseRef,
    String problem,
    String errorCode) {
  public static final int MAX_MESSAGE = 500;

  public Event {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    conversation = cut(conversation, 64);
    entryId = cut(entryId, 200);
    runnerUpId = cut(runnerUpId, 200);
    flowId = cut(flowId, 200);
    flowStep = cut(flowStep, 200);
    flowOutcome = cut(flowOutcome, 64);
    caseRef = cut(caseRef, 64);
    problem = cut(problem, 200);
    errorCode = cut(errorCode, 64);
  }

  /** The same event with another message (the redacted one). */
  public Event withMessage(String text) {
    return new Event(
        at,
        kind,
        conversation,
        lang,
        text,
        replyType,
        entryId,
        score,
        runnerUpId,
        runnerUpScore,
        suggestions,
        flowId,
        flowStep,
        flowOutcome,
        helpful,
        caseRef,
        problem,
        errorCode);
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** A vote on an answer. */
  public static Event vote(
      long at, String conversation, String lang, String entryId, boolean helpful, String query) {
    return new Event(
        at,
        EventKind.VOTE,
        conversation,
        lang,
        query,
        null,
        entryId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        helpful,
        null,
        null,
        null);
  }

  /** A suggestion or related question opened. */
  public static Event pick(long at, String conversation, String lang, String entryId) {
    return new Event(
        at,
        EventKind.PICK,
        conversation,
        lang,
        null,
        null,
        entryId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A support e-mail prepared or sent: its case reference, problem and error code only. */
  public static Event support(
      long at,
      EventKind kind,
      String conversation,
      String lang,
      String caseRef,
      String problem,
      String errorCode) {
    return new Event(
        at,
        kind,
        conversation,
        lang,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        caseRef,
        problem,
        errorCode);
  }
}
