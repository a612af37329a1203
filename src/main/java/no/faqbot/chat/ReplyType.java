package no.faqbot.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What kind of reply the chat gives. {@code OUT_OF_SCOPE}: the message is not for this FAQ (a
 * consumer's own purchase, say), with where to go instead; {@code NO_FIGURE}: the matching entry
 * does not give the figure asked for, offered as related.
 */
public enum ReplyType {
  ANSWER,
  SUGGESTIONS,
  SMALLTALK,
  FALLBACK,
  FLOW,
  OUT_OF_SCOPE,
  NO_FIGURE,
  /**
   * A step of a guided flow that changed (or went) since the conversation started, with no earlier
   * version kept: {@code text} says so, {@code action} offers to start the flow again.
   */
  FLOW_CHANGED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
