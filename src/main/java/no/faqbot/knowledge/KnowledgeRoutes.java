package no.faqbot.knowledge;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import no.faqbot.search.AnswerView;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.SearchResponse;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;

/** {@code /api/search}, {@code /api/entries/{id}} and {@code /health}. */
public final class KnowledgeRoutes implements Routes {
  private static final int MAX_LIMIT = 20;
  private static final int MAX_QUERY_CHARS = 2000;
  private static final double MIN_SUGGEST_COVERAGE = 0.3;

  private final KnowledgeBase knowledge;
  private final ContentReloader reloader;
  private final Supplier<String> storeState;
  private final String version;
  private final BiConsumer<String, List<String>> shown;

  /**
   * @param storeState whether events reach the store ({@code ok}/{@code failing}), for {@code
   *     /health}
   * @param version the build's, shown on {@code /health} so an operator sees what each replica runs
   * @param shown told which entries the typeahead offered a conversation (the widget's {@code
   *     conversation} parameter), so that picking one is recorded
   */
  public KnowledgeRoutes(
      KnowledgeBase knowledge,
      ContentReloader reloader,
      Supplier<String> storeState,
      String version,
      BiConsumer<String, List<String>> shown) {
    this.knowledge = knowledge;
    this.reloader = reloader;
    this.storeState = storeState;
    this.version = version;
    this.shown = shown;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/api/search", this::search);
    routes.get("/api/suggest", this::suggest);
    routes.get("/api/entries/{id}", this::entry);
    routes.get("/health", this::health);
    // Whoever publishes (staff actions, the editor, restores): an outdated base or content with
    // problems is the client's to redo, never a 500.
    routes.exception(StaleRevisionException.class, (e, ctx) -> PublishErrors.of(e).answer(ctx));
    routes.exception(ContentRejectedException.class, (e, ctx) -> PublishErrors.of(e).answer(ctx));
  }

  private void search(Context ctx) {
    String q = query(ctx, true, "/api/search?q=your+question");
    String lang = lang(ctx);
    int limit = limit(ctx.queryParam("limit"));
    SearchResponse response =
        knowledge.withIndex(
            index -> {
              List<AnswerView> results =
                  index.search(q, lang, limit + 3, null).stream()
                      .filter(h -> !h.entry().isFlowTrigger())
                      .limit(limit)
                      .map(h -> AnswerView.of(h.entry(), h.score(), index.content(), lang))
                      .toList();
              return new SearchResponse(q, lang, results);
            });
    ctx.json(response);
  }

  /** Up to 3 questions for what the merchant is typing; nothing for fewer than 3 characters. */
  private void suggest(Context ctx) {
    String q = query(ctx, false, "/api/suggest?q=what+is+typed");
    String lang = lang(ctx);
    List<AnswerView.QuestionRef> suggestions =
        q.strip().length() < 3
            ? List.of()
            : knowledge.withIndex(index -> index.suggest(q, lang, 3)).stream()
                .filter(h -> h.coverage() >= MIN_SUGGEST_COVERAGE)
                .map(h -> new AnswerView.QuestionRef(h.entry().id(), h.entry().question()))
                .toList();
    String conversation = ctx.queryParam("conversation");
    if (conversation != null && !suggestions.isEmpty()) {
      shown.accept(conversation, suggestions.stream().map(AnswerView.QuestionRef::id).toList());
    }
    ctx.json(Map.of("query", q, "lang", lang, "suggestions", suggestions));
  }

  private void entry(Context ctx) {
    String id = ctx.pathParam("id");
    String lang = lang(ctx);
    ContentSnapshot content = knowledge.current().content();
    FaqEntry e =
        content
            .entry(id, lang)
            .orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "no entry with id '" + id + "'"));
    Map<String, Object> body = new LinkedHashMap<>();
    AnswerView view = AnswerView.of(e, 1.0, content, lang);
    body.put("id", e.id());
    body.put("lang", e.lang());
    body.put("question", e.question());
    body.put("alternatives", e.alternatives());
    body.put("answer", view.answer());
    body.put("answerHtml", view.answerHtml());
    body.put("section", e.section());
    body.put("tags", e.tags());
    body.put("related", view.related());
    body.put("updated", e.updated());
    body.put("flow", e.flow());
    ctx.json(body);
  }

  private void health(Context ctx) {
    SearchIndex index = knowledge.current();
    ContentSnapshot content = index.content();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("entries", content.entryCount());
    Map<String, Integer> perLang = new LinkedHashMap<>();
    for (String lang : Languages.ALL) {
      perLang.put(lang, content.entries(lang).size());
    }
    body.put("languages", perLang);
    body.put("index", index.outcome().name().toLowerCase(Locale.ROOT));
    body.put("contentProblems", content.problems().size());
    body.put("store", storeState.get());
    // Replicas serving the same content show the same fingerprint.
    body.put("contentFingerprint", content.fingerprint());
    // The content revision served (0: from the folder alone, no store).
    body.put("revision", reloader == null ? 0 : reloader.servedRevision());
    body.put("version", version);
    ContentReloader.ReloadStatus reload = reloader == null ? null : reloader.lastReload();
    if (reload != null) {
      body.put("lastReload", reload.publicSummary());
    }
    ctx.json(body);
  }

  /** The {@code q} parameter: refused when absent (or blank, unless allowed) or too long. */
  private static String query(Context ctx, boolean blankIsMissing, String use) {
    String q = ctx.queryParam("q");
    if (q == null || (blankIsMissing && q.isBlank())) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "q is missing: use " + use);
    }
    if (q.length() > MAX_QUERY_CHARS) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "q is " + q.length() + " characters; the limit is " + MAX_QUERY_CHARS);
    }
    return q;
  }

  static String lang(Context ctx) {
    return ApiException.parse(() -> Languages.orDefault(ctx.queryParam("lang")));
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return 5;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "limit must be a whole number, got '" + value + "'");
    }
  }
}
