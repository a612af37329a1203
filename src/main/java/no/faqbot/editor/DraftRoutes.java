package no.faqbot.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.chat.ChatService;
import no.faqbot.content.FaqEntry;
import no.faqbot.eval.DraftImpact;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Languages;
import no.faqbot.format.Sha256;
import no.faqbot.insights.AuditLog;
import no.faqbot.knowledge.ContentChange;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.TextAnalysis;
import no.faqbot.staff.StaffPage;
import no.faqbot.store.Store;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Json;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * The editor: {@code GET /staff/editor/{lang}/{id}} opens an entry's file as a draft; {@code POST
 * /staff/api/editor/lint} saves the draft and answers its problems (called while typing); {@code
 * POST /staff/api/editor/preview} answers which replies the draft changes and the quality gate's
 * figures, live and draft; {@code POST /staff/api/editor/publish} publishes it through the {@link
 * ContentPublisher} on the revision it was opened on; {@code POST /staff/api/editor/discard} drops
 * the draft. All for editors; session posts carry the CSRF token like every staff form.
 */
public final class DraftRoutes implements Routes {
  private static final ObjectMapper JSON = Json.mapper();

  private final Path content;
  private final KnowledgeBase knowledge;
  private final ContentPublisher publisher;
  private final DraftPreview preview;
  private final Store store;
  private final Clock clock;
  private final Drafts drafts = new Drafts();

  /**
   * @param content the content folder files are read from (as the publisher writes them)
   * @param store the event store (stored questions, audit), or null
   * @param repository the folder whose {@code bench/eval} (and {@code ../shared/eval}) a preview
   *     asks
   */
  public DraftRoutes(
      Path content,
      KnowledgeBase knowledge,
      ChatService chat,
      TextAnalysis analysis,
      ContentPublisher publisher,
      Store store,
      Path repository,
      Clock clock) {
    this.content = content.toAbsolutePath().normalize();
    this.knowledge = knowledge;
    this.publisher = publisher;
    this.store = store;
    this.clock = clock;
    this.preview = new DraftPreview(content, chat, knowledge, analysis, store, repository, clock);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/staff/editor/{lang}/{id}", this::page, StaffRole.EDITOR);
    routes.post("/staff/api/editor/lint", this::lint, StaffRole.EDITOR);
    routes.post("/staff/api/editor/preview", this::preview, StaffRole.EDITOR);
    routes.post("/staff/api/editor/publish", this::publish, StaffRole.EDITOR);
    routes.post(
        "/staff/api/editor/discard",
        ctx -> {
          Request r = request(ctx);
          drafts.remove(user(ctx), r.lang, r.entry.id());
          ctx.json(Map.of("discarded", true));
        },
        StaffRole.EDITOR);
  }

  /** The entry a request is about, its file relative to the content folder, and the body. */
  private record Request(String lang, FaqEntry entry, String relative, JsonNode body) {
    String text() {
      JsonNode text = body.get("text");
      if (text == null || !text.isTextual()) {
        throw new ApiException(ErrorCode.BAD_REQUEST, "text is missing: the file's text as edited");
      }
      return text.asText();
    }

    long base() {
      return body.path("base").asLong(ContentChange.ANY_BASE);
    }

    String fileHash() {
      return body.path("fileHash").asText("");
    }
  }

  private Request request(Context ctx) throws IOException {
    JsonNode body = JSON.readTree(ctx.bodyAsBytes());
    if (body == null || !body.isObject()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "send {\"lang\": \"nb\", \"id\": \"...\", \"text\": \"...\"}");
    }
    String lang =
        ApiException.parse(() -> Languages.require(body.path("lang").asText(Languages.DEFAULT)));
    FaqEntry e = entry(body.path("id").asText(""), lang);
    return new Request(lang, e, relative(e), body);
  }

  private FaqEntry entry(String id, String lang) {
    return knowledge
        .current()
        .content()
        .entry(id, lang)
        .filter(e -> e.lang().equals(lang) && !e.isFlowTrigger())
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND, "no entry '" + id + "' in language '" + lang + "'"));
  }

  /** The entry's file relative to the content folder ({@code faq/nb/id.md}). */
  private static String relative(FaqEntry e) {
    return e.sourcePath().substring(e.sourcePath().indexOf('/') + 1);
  }

  private String read(String relative) throws IOException {
    Path file = content.resolve(relative).normalize();
    if (!file.startsWith(content) || !Files.isRegularFile(file)) {
      throw new ApiException(ErrorCode.NOT_FOUND, "the entry's file is not in the content folder");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String user(Context ctx) {
    String user = StaffPage.user(ctx);
    return user == null ? "?" : user;
  }

  private void page(Context ctx) throws IOException {
    String lang = ApiException.parse(() -> Languages.require(ctx.pathParam("lang")));
    FaqEntry e = entry(ctx.pathParam("id"), lang);
    String relative = relative(e);
    String onDisk = read(relative);
    String hash = Sha256.hex(onDisk.getBytes(StandardCharsets.UTF_8));
    var draft = drafts.get(user(ctx), lang, e.id());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("e", e);
    model.put("path", e.sourcePath());
    model.put("text", draft.map(Drafts.Draft::text).orElse(onDisk));
    model.put("base", draft.map(Drafts.Draft::base).orElse(publisher.servedRevision()));
    model.put("fileHash", draft.map(Drafts.Draft::fileHash).orElse(hash));
    model.put("draftSaved", draft.map(d -> d.saved().toString().substring(0, 16)).orElse(null));
    model.put("fileChanged", draft.map(d -> !d.fileHash().equals(hash)).orElse(false));
    model.put("evalFiles", preview.evalFiles());
    model.put("storedDays", DraftPreview.STORED_DAYS);
    model.put("withStore", store != null);
    StaffPage.render(ctx, "staff-editor", model);
  }

  private static List<Map<String, Object>> json(List<ContentProblem> problems) {
    return problems.stream()
        .map(
            p ->
                Map.<String, Object>of(
                    "line", p.line(), "message", p.message(), "text", p.toString()))
        .toList();
  }

  private void lint(Context ctx) throws IOException {
    Request r = request(ctx);
    String text = r.text();
    if (text.equals(read(r.relative))) {
      drafts.remove(user(ctx), r.lang, r.entry.id()); // nothing changed: no draft to keep
    } else {
      drafts.save(
          user(ctx),
          r.lang,
          r.entry.id(),
          new Drafts.Draft(text, r.base(), r.fileHash(), clock.instant()));
    }
    List<ContentProblem> problems =
        DraftLint.problems(
            text, r.entry.sourcePath(), r.lang, r.entry.id(), knowledge.current().content());
    ctx.json(Map.of("problems", json(problems)));
  }

  private void preview(Context ctx) throws IOException, SQLException {
    Request r = request(ctx);
    String text = r.text();
    List<ContentProblem> problems =
        DraftLint.problems(
            text, r.entry.sourcePath(), r.lang, r.entry.id(), knowledge.current().content());
    DraftPreview.Outcome outcome = problems.isEmpty() ? preview.run(r.relative, text) : null;
    if (outcome != null) {
      problems = outcome.problems();
    }
    if (!problems.isEmpty()) {
      throw new ApiException(ErrorCode.CONTENT_REJECTED, "the draft has problems: fix them first")
          .with("problems", json(problems));
    }
    DraftImpact.Result impact = outcome.impact();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asked", impact.asked());
    body.put("total", impact.total());
    body.put("complete", impact.complete());
    body.put("changes", impact.changes());
    body.put("figures", impact.figures());
    ctx.json(body);
  }

  private void publish(Context ctx) throws IOException, SQLException {
    Request r = request(ctx);
    String text = r.text();
    String onDisk = read(r.relative);
    if (!Sha256.hex(onDisk.getBytes(StandardCharsets.UTF_8)).equals(r.fileHash())) {
      // Without a revision log the file's own hash tells that someone changed it meanwhile.
      throw new ApiException(
          ErrorCode.STALE_REVISION,
          "the file changed since the draft was opened: reload the page, make the change again"
              + " and retry");
    }
    String message = r.body.path("message").asText("").strip();
    // A stale base or rejected content is answered by the app-wide handlers (PublishErrors), as
    // for every other publish.
    ContentPublisher.Published published =
        publisher.publish(
            new ContentChange(
                r.base(),
                Map.of(r.relative, text),
                Set.of(),
                user(ctx),
                message.isEmpty() ? "edited " + r.entry.key() + " in the editor" : message));
    drafts.remove(user(ctx), r.lang, r.entry.id());
    if (store != null) {
      new AuditLog(store, clock)
          .add(
              user(ctx),
              "publish-entry",
              r.entry.key() + (message.isEmpty() ? "" : ": " + message));
    }
    ctx.json(
        Map.of(
            "published",
            true,
            "revision",
            published.revision(),
            "fingerprint",
            published.fingerprint(),
            "at",
            Instant.now(clock).toString()));
  }
}
