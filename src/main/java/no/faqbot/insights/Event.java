package no.faqbot.insights;

/**
 * One recorded event: a chat turn, a picked suggestion, a vote or a support e-mail, each a record
 * of its own kind with only the values that kind has. Never an IP address, a cookie, an e-mail
 * address or an attachment. {@link EventRow} maps them to and from the {@code events} table, and
 * cuts text to its column's width.
 */
public sealed interface Event permits TurnEvent, PickEvent, VoteEvent, SupportEvent {
  /**
   * The longest message stored: cut after secrets are removed, so a cut never hides a secret from
   * the removal.
   */
  int MAX_MESSAGE = 500;

  /** Epoch milliseconds (UTC). */
  long at();

  EventKind kind();

  /** The widget's random id for its session, or null. */
  String conversation();

  String lang();

  /**
   * What the merchant wrote, or null; the one free text of an event (a turn's message, a vote's
   * question), which the recorder removes secrets from whatever the kind.
   */
  default String message() {
    return null;
  }

  /** The same event with another message (the redacted one); kinds without one stay as they are. */
  default Event withMessage(String text) {
    return this;
  }
}
