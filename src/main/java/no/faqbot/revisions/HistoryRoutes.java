package no.faqbot.revisions;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.staff.StaffPage;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * {@code /staff/history}: the content revisions with who, when, why and what changed per entry;
 * {@code /staff/history/{n}} a revision's line diffs; {@code POST /staff/history/{n}/restore}
 * publishes an old revision again as the newest (editors; CSRF like every staff form).
 */
public final class HistoryRoutes implements Routes {
  private static final int SHOWN = 30;

  private final RevisionPublisher publisher;
  private final ContentReloader reloader;
  private final Restored audit;

  /** Revisions never change: their file lists are kept once read. */
  private final Map<Long, Map<String, String>> hashes = new ConcurrentHashMap<>();

  /** Told who restored which revision as which (the audit log). */
  @FunctionalInterface
  public interface Restored {
    void restored(String user, long revision, long as) throws Exception;
  }

  public HistoryRoutes(RevisionPublisher publisher, ContentReloader reloader, Restored audit) {
    this.publisher = publisher;
    this.reloader = reloader;
    this.audit = audit;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/staff/history", this::list, StaffRole.EDITOR);
    routes.get("/staff/history/{n}", this::revision, StaffRole.EDITOR);
    routes.post("/staff/history/{n}/restore", this::restore, StaffRole.EDITOR);
  }

  /** One revision as the pages show it. */
  public record View(
      long number,
      String author,
      String created,
      String message,
      String fingerprint,
      boolean served,
      boolean newest,
      List<RevisionChanges.Item> changes) {}

  /** A changed item with its line diff. */
  public record Diff(RevisionChanges.Item item, List<LineDiff.Line> lines) {}

  private void list(Context ctx) {
    RevisionLog log = publisher.log();
    List<Revision> revisions = log.list(SHOWN);
    long newest = revisions.isEmpty() ? 0 : revisions.get(0).number();
    List<View> views = new ArrayList<>();
    for (Revision r : revisions) {
      views.add(view(r, newest));
    }
    Map<String, Object> model = page(ctx);
    model.put("revisions", views);
    model.put("restored", number(ctx.queryParam("restored")));
    model.put("as", number(ctx.queryParam("as")));
    render(ctx, "staff-history", model);
  }

  private void revision(Context ctx) {
    RevisionLog log = publisher.log();
    Revision revision = find(ctx);
    Map<String, String> before = revision.number() > 1 ? hashes(revision.number() - 1) : Map.of();
    Map<String, String> after = hashes(revision.number());
    List<Diff> diffs = new ArrayList<>();
    for (RevisionChanges.Item item : RevisionChanges.between(before, after)) {
      diffs.add(
          new Diff(
              item,
              LineDiff.of(text(log, before.get(item.path())), text(log, after.get(item.path())))));
    }
    Map<String, Object> model = page(ctx);
    model.put("r", view(revision, log.newestNumber()));
    model.put("diffs", diffs);
    render(ctx, "staff-revision", model);
  }

  private void restore(Context ctx) throws Exception {
    Revision old = find(ctx);
    String user = user(ctx);
    ContentPublisher.Published published = publisher.restore(old.number(), user);
    audit.restored(user, old.number(), published.revision());
    String type = ctx.contentType();
    if (type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"))) {
      ctx.redirect(
          "/staff/history?restored=" + old.number() + "&as=" + published.revision(),
          HttpStatus.SEE_OTHER);
    } else {
      ctx.json(
          Map.of(
              "restored",
              old.number(),
              "revision",
              published.revision(),
              "fingerprint",
              published.fingerprint()));
    }
  }

  private View view(Revision r, long newest) {
    Map<String, String> before = r.number() > 1 ? hashes(r.number() - 1) : Map.of();
    return new View(
        r.number(),
        r.author(),
        r.created().toString(),
        r.message(),
        r.fingerprint().substring(0, 12),
        r.number() == reloader.servedRevision(),
        r.number() == newest,
        RevisionChanges.between(before, hashes(r.number())));
  }

  private Map<String, String> hashes(long number) {
    if (hashes.size() > 1_000) {
      hashes.clear();
    }
    return hashes.computeIfAbsent(number, n -> publisher.log().hashes(n));
  }

  private static String text(RevisionLog log, String hash) {
    return hash == null ? "" : new String(log.blob(hash), StandardCharsets.UTF_8);
  }

  private Revision find(Context ctx) {
    long n = number(ctx.pathParam("n"));
    return publisher
        .log()
        .get(n)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND, "no content revision '" + ctx.pathParam("n") + "'"));
  }

  /** A revision number from the address; 0 for anything else. */
  private static long number(String text) {
    if (text == null || !text.matches("[0-9]{1,18}")) {
      return 0;
    }
    return Long.parseLong(text);
  }

  private static Map<String, Object> page(Context ctx) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("user", user(ctx));
    model.put("csrf", StaffPage.csrf(ctx));
    return model;
  }

  private static String user(Context ctx) {
    String user = StaffPage.user(ctx);
    return user == null ? "?" : user;
  }

  private static void render(Context ctx, String template, Map<String, Object> model) {
    ctx.contentType("text/html; charset=utf-8").render(template, model);
  }
}
