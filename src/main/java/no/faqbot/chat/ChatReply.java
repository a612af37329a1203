package no.faqbot.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.faqbot.flow.FlowView;
import no.faqbot.search.AnswerView;

/**
 * The chat's reply to one message; {@code state} goes back unchanged with the next message.
 * {@code flow} is set when {@code type} is {@code flow}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatReply(
    ReplyType type,
    String text,
    AnswerView answer,
    List<AnswerView.QuestionRef> suggestions,
    JsonNode state,
    FlowView flow) {

  public ChatReply {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  static ChatReply of(ReplyType type, String text) {
    return new ChatReply(type, text, null, List.of(), null, null);
  }
}
