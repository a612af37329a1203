package no.faqbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import no.faqbot.content.CannedReplies;
import no.faqbot.flow.FlowInputException;
import no.faqbot.flow.InvalidStateException;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.JsonBody;
import no.faqbot.web.Routes;

/**
 * {@code POST /api/chat}; {@code GET /api/intro}: the empty chat's scope sentence and topic chips.
 */
public final class ChatRoutes implements Routes {
  private final ChatService chat;
  private final Consumer<ChatTurn> turns;

  private final KnowledgeBase knowledge;

  public ChatRoutes(ChatService chat, KnowledgeBase knowledge) {
    this(chat, knowledge, turn -> {});
  }

  /** {@code turns} is told of every answered message; it must return at once (the reply waits). */
  public ChatRoutes(ChatService chat, KnowledgeBase knowledge, Consumer<ChatTurn> turns) {
    this.chat = chat;
    this.knowledge = knowledge;
    this.turns = turns;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/api/chat", this::chat);
    routes.get("/api/intro", this::intro);
  }

  private void intro(Context ctx) {
    String asked = ctx.queryParam("lang");
    String lang =
        ApiException.parse(() -> Languages.require(asked == null ? Languages.DEFAULT : asked));
    CannedReplies replies = knowledge.current().content().replies();
    ctx.json(Map.of("text", replies.reply("intro", lang), "topics", replies.topics(lang)));
  }

  private void chat(Context ctx) throws Exception {
    JsonNode body = JsonBody.read(ctx);
    if (body == null || !body.isObject()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "send a JSON object: {\"message\": \"...\", \"lang\": \"nb\"}");
    }
    ChatRequest request =
        new ChatRequest(
            text(body, "message"),
            text(body, "lang"),
            body.hasNonNull("state") ? body.get("state") : null,
            text(body, "choice"),
            fields(body),
            text(body, "flow"));
    String conversation = text(body, "conversation");
    // Checked here, so that an unknown language is the client's mistake, not the service's.
    ApiException.parse(() -> Languages.orDefault(request.lang()));
    try {
      Ranking ranking = new Ranking();
      ChatReply reply = chat.reply(request, ranking);
      ctx.json(reply);
      turns.accept(new ChatTurn(conversation, request, reply, ranking));
    } catch (ChatService.MessageTooLongException e) {
      throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
    } catch (FlowInputException e) {
      throw new ApiException(ErrorCode.FIELD_INVALID, e.getMessage())
          .with("fieldErrors", e.fieldErrors());
    } catch (InvalidStateException e) {
      throw new ApiException(ErrorCode.STATE_INVALID, e.getMessage());
    } catch (ChatService.BadRequestException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
    }
  }

  private static Map<String, String> fields(JsonNode body) {
    JsonNode node = body.get("fields");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject() || node.size() > 30) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "'fields' must be an object of at most 30 field ids to strings");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw new ApiException(
                    ErrorCode.BAD_REQUEST, "field '" + e.getKey() + "' must be a string");
              }
              fields.put(e.getKey(), e.getValue().asText());
            });
    return fields;
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "'" + field + "' must be a string");
    }
    return node.asText();
  }
}
