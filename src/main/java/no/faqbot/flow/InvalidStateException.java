package no.faqbot.flow;

/**
 * Conversation state that was changed, forged, or belongs to an older version of a flow; answered
 * with 400.
 */
public final class InvalidStateException extends IllegalArgumentException {
  public InvalidStateException(String message) {
    super(message);
  }
}
