package no.faqbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Consumer;
import no.faqbot.content.CannedReplies;
import no.faqbot.flow.FlowInputException;
import no.faqbot.flow.InvalidStateException;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Json;
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

  /** The body of {@code POST /api/chat}; {@link #request} checks it. */
  record Body(
      String message,
      String lang,
      JsonNode state,
      String choice,
      Map<String, String> fields,
      String flow,
      String conversation) {
    static final String SHAPE = "a JSON object: {\"message\": \"...\", \"lang\": \"nb\"}";

    ChatRequest request() {
      if (fields != null && (fields.size() > 30 || fields.containsValue(null))) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "'fields' must be an object of at most 30 field ids to strings");
      }
      // A JSON null is no state, as a state left out.
      JsonNode given = state == null || state.isNull() ? null : state;
      return new ChatRequest(message, lang, given, choice, fields, flow);
    }
  }

  private void chat(Context ctx) throws Exception {
    Body body = JsonBody.read(ctx, Body.class, Body.SHAPE);
    ChatRequest request = body.request();
    String conversation = body.conversation();
    // Checked here, so that an unknown language is the client's mistake, not the service's.
    ApiException.parse(() -> Languages.orDefault(request.lang()));
    try {
      Ranking ranking = new Ranking();
      ChatReply reply = chat.reply(request, ranking);
      Json.respond(ctx, reply);
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
}
