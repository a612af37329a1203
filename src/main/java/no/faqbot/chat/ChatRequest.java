package no.faqbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A message from the widget, with the conversation state it got with the last reply. Inside a
 * guided flow the widget sends {@code choice} (an option id) or {@code fields} (a form) instead of
 * a message. {@code flow} starts that guided flow (the button of an answer's {@code start_flow}
 * action).
 */
public record ChatRequest(
    String message,
    String lang,
    JsonNode state,
    String choice,
    Map<String, String> fields,
    String flow) {
  public ChatRequest(String message, String lang, JsonNode state) {
    this(message, lang, state, null, null, null);
  }

  public ChatRequest(
      String message, String lang, JsonNode state, String choice, Map<String, String> fields) {
    this(message, lang, state, choice, fields, null);
  }
}
