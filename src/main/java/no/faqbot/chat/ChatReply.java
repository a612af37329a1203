package no.faqbot.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.faqbot.flow.FlowView;
import no.faqbot.search.AnswerView;

/**
 * The chat's reply to one message; {@code state} goes back unchanged with the next message. {@code
 * flow} is set when {@code type} is {@code flow}. {@code action}, when set, is something the
 * merchant can do next: for an answer whose entry belongs to a guided flow, start that flow. {@code
 * lang} is the language the reply is in: the message's, which is the page's unless the message is
 * clearly in the other one.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatReply(
    ReplyType type,
    String text,
    AnswerView answer,
    List<AnswerView.QuestionRef> suggestions,
    JsonNode state,
    FlowView flow,
    Action action,
    String lang) {

  public ChatReply {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  /**
   * An offer the widget shows as a button: {@code type} {@code start_flow} starts guided flow
   * {@code flow} (send {@code {"flow": id}} to /api/chat); {@code label} is the button's text.
   */
  public record Action(String type, String flow, String label) {
    static final String START_FLOW = "start_flow";
  }

  static ChatReply of(ReplyType type, String text) {
    return new ChatReply(type, text, null, List.of(), null, null, null, null);
  }

  /**
   * This reply, marked as written in {@code lang}: the widget fetches entries and continues a flow
   * in it, which may differ from the page's when the merchant wrote in another language.
   */
  ChatReply in(String lang) {
    return new ChatReply(type, text, answer, suggestions, state, flow, action, lang);
  }
}
