package no.faqbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import no.faqbot.flow.FlowInputException;
import no.faqbot.web.Json;
import no.faqbot.web.Routes;
import no.faqbot.web.WebServer;

/** {@code POST /api/chat}. */
public final class ChatRoutes implements Routes {
  private static final ObjectMapper JSON = Json.mapper();

  private final ChatService chat;

  public ChatRoutes(ChatService chat) {
    this.chat = chat;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/api/chat", this::chat);
  }

  private void chat(Context ctx) throws Exception {
    JsonNode body = JSON.readTree(ctx.bodyAsBytes());
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("send a JSON object: {\"message\": \"...\", \"lang\": \"nb\"}");
    }
    ChatRequest request = new ChatRequest(text(body, "message"), text(body, "lang"),
        body.hasNonNull("state") ? body.get("state") : null, text(body, "choice"), fields(body), text(body, "flow"));
    try {
      ctx.json(chat.reply(request));
    } catch (ChatService.MessageTooLongException e) {
      WebServer.error(ctx, 413, e.getMessage());
    } catch (FlowInputException e) {
      ctx.status(400).json(Map.of("error", e.getMessage(), "fieldErrors", e.fieldErrors()));
    }
  }

  private static Map<String, String> fields(JsonNode body) {
    JsonNode node = body.get("fields");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject() || node.size() > 30) {
      throw new IllegalArgumentException("'fields' must be an object of at most 30 field ids to strings");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("field '" + e.getKey() + "' must be a string");
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
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return node.asText();
  }
}
