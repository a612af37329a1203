package no.faqbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A message from the widget, with the conversation state it got with the last reply. Inside a
 * guided flow the widget sends {@code choice} (an option id) or {@code fields} (a form) instead of
 * a message.
 */
public record ChatRequest(String message, String lang, JsonNode state, String choice, Map<String, String> fields) {
  public ChatRequest(String message, String lang, JsonNode state) {
    this(message, lang, state, null, null);
  }
}
