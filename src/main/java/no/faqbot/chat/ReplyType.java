package no.faqbot.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of reply the chat gives. */
public enum ReplyType {
  ANSWER, SUGGESTIONS, SMALLTALK, FALLBACK, FLOW;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
