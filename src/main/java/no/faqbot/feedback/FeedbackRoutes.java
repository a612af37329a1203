package no.faqbot.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.JsonBody;
import no.faqbot.web.Routes;

/** {@code POST /api/feedback} {@code {entryId, helpful, query, lang}}: a vote on an answer. */
public final class FeedbackRoutes implements Routes {
  private static final int MAX_QUERY = 2000;

  private final Votes store;
  private final KnowledgeBase knowledge;

  public FeedbackRoutes(Votes store, KnowledgeBase knowledge) {
    this.store = store;
    this.knowledge = knowledge;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/api/feedback", this::vote);
  }

  private void vote(Context ctx) throws Exception {
    JsonNode body = JsonBody.read(ctx);
    if (body == null || !body.isObject()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "send {\"entryId\": \"...\", \"helpful\": true|false, \"query\": \"...\"}");
    }
    JsonNode entryId = body.get("entryId");
    if (entryId == null || !entryId.isTextual() || entryId.asText().isBlank()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "entryId is missing: the id of the answer voted on");
    }
    JsonNode helpful = body.get("helpful");
    if (helpful == null || !helpful.isBoolean()) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "helpful must be true or false");
    }
    JsonNode query = body.get("query");
    if (query != null
        && !query.isNull()
        && (!query.isTextual() || query.asText().length() > MAX_QUERY)) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "query must be a string of at most " + MAX_QUERY + " characters");
    }
    String lang =
        ApiException.parse(() -> Languages.require(body.path("lang").asText(Languages.DEFAULT)));
    String id = entryId.asText();
    if (knowledge.current().content().entry(id, lang).isEmpty()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "no entry with id '" + id + "'");
    }
    JsonNode conversation = body.get("conversation");
    if (conversation != null && !conversation.isNull() && !conversation.isTextual()) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "conversation must be a string");
    }
    // A pasted secret is taken out where every event's text is, before the store
    // (EventRecorder), so it is not redacted twice here.
    String text = query == null || query.isNull() ? null : query.asText().strip();
    String conversationId =
        conversation == null || conversation.isNull() ? null : conversation.asText();
    store.add(conversationId, id, lang, helpful.asBoolean(), text);
    ctx.status(201).json(Map.of("stored", true));
  }
}
