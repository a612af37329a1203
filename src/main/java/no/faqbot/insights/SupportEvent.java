package no.faqbot.insights;

/**
 * A support e-mail prepared for the merchant to send, or sent by the server: its case reference,
 * problem and error code only.
 */
public record SupportEvent(
    long at,
    boolean sent,
    String conversation,
    String lang,
    String caseRef,
    String problem,
    String errorCode)
    implements Event {
  @Override
  public EventKind kind() {
    return sent ? EventKind.SUPPORT_SENT : EventKind.SUPPORT_PREPARED;
  }
}
