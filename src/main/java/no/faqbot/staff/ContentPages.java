package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.StaffRole;

/**
 * The content as staff see it: one entry (the answer to copy, its alternatives, related entries and
 * source file), the content status for editors ({@link ContentStatus}), and flow diagrams.
 */
record ContentPages(KnowledgeBase knowledge, ContentReloader reloader, int staleDays) {
  void addTo(RoutesConfig routes) {
    routes.get("/staff/api/content-status", ctx -> ctx.json(status(ctx)), StaffRole.EDITOR);
    routes.get(
        "/staff/content",
        ctx -> StaffPage.render(ctx, "staff-content", Map.of("status", status(ctx))),
        StaffRole.EDITOR);
    routes.get("/staff/entries/{id}", this::entry, StaffRole.AGENT);
    routes.get("/staff/flows/{id}.svg", this::flow, StaffRole.AGENT);
  }

  private Map<String, Object> status(Context ctx) {
    int days = staleDays;
    String param = ctx.queryParam("staleDays");
    if (param != null) {
      try {
        days = Integer.parseInt(param.strip());
      } catch (NumberFormatException e) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "staleDays must be a whole number of days, got '" + param + "'");
      }
    }
    return ContentStatus.of(
        knowledge.current().content(), reloader.lastReload(), days, Clock.systemUTC());
  }

  private void entry(Context ctx) {
    String lang = StaffPage.lang(ctx);
    var content = knowledge.current().content();
    FaqEntry e =
        content
            .entry(ctx.pathParam("id"), lang)
            .orElseThrow(() -> notFound("entry", ctx.pathParam("id")));
    Map<String, Object> model = new HashMap<>();
    model.put("e", e);
    model.put(
        "related",
        e.related().stream().map(id -> content.entry(id, lang)).flatMap(Optional::stream).toList());
    StaffPage.render(ctx, "staff-entry", model);
  }

  private void flow(Context ctx) {
    var flow =
        knowledge
            .current()
            .content()
            .flow(ctx.pathParam("id"))
            .orElseThrow(() -> notFound("flow", ctx.pathParam("id")));
    ctx.contentType("image/svg+xml; charset=utf-8")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .result(FlowDiagram.svg(flow, StaffPage.lang(ctx)));
  }

  private static ApiException notFound(String what, String id) {
    return new ApiException(ErrorCode.NOT_FOUND, "no " + what + " with id '" + id + "'");
  }
}
