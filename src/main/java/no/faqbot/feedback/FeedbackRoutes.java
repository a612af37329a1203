package no.faqbot.feedback;

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

  /** The body of a vote; {@link #check} says what is missing or wrong. */
  record Vote(String entryId, Boolean helpful, String query, String lang, String conversation) {
    static final String SHAPE =
        "{\"entryId\": \"...\", \"helpful\": true|false, \"query\": \"...\"}";

    Vote check() {
      if (entryId == null || entryId.isBlank()) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "entryId is missing: the id of the answer voted on");
      }
      if (helpful == null) {
        throw new ApiException(ErrorCode.BAD_REQUEST, "helpful must be true or false");
      }
      if (query != null && query.length() > MAX_QUERY) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST,
            "query must be a string of at most " + MAX_QUERY + " characters");
      }
      return this;
    }
  }

  private void vote(Context ctx) throws Exception {
    Vote vote = JsonBody.read(ctx, Vote.class, Vote.SHAPE).check();
    String lang =
        ApiException.parse(
            () -> Languages.require(vote.lang() == null ? Languages.DEFAULT : vote.lang()));
    String id = vote.entryId();
    if (knowledge.current().content().entry(id, lang).isEmpty()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "no entry with id '" + id + "'");
    }
    // A pasted secret is taken out where every event's text is, before the store
    // (EventRecorder), so it is not redacted twice here.
    String text = vote.query() == null ? null : vote.query().strip();
    store.add(vote.conversation(), id, lang, vote.helpful(), text);
    ctx.status(201).json(Map.of("stored", true));
  }
}
