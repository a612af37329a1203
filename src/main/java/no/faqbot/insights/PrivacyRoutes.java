package no.faqbot.insights;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToIntFunction;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * Staff controls over recorded data (behind the staff login; posts and deletes need the CSRF
 * token): delete one conversation, export a period as CSV or JSON Lines. Each is written to the
 * audit log.
 */
public final class PrivacyRoutes implements Routes {
  private static final int DEFAULT_EXPORT_DAYS = 30;

  private final EventRepository events;
  private final AuditLog audit;
  private final Clock clock;
  private final ToIntFunction<String> alsoDelete;

  /**
   * @param alsoDelete deletes what else belongs to a conversation (its support cases); returns how
   *     many
   */
  public PrivacyRoutes(
      EventRepository events, AuditLog audit, Clock clock, ToIntFunction<String> alsoDelete) {
    this.alsoDelete = alsoDelete;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    // Personal data: admins only.
    routes.delete("/staff/api/conversations/{id}", this::deleteConversation, StaffRole.ADMIN);
    routes.get("/staff/api/events.csv", ctx -> export(ctx, true), StaffRole.ADMIN);
    routes.get("/staff/api/events.jsonl", ctx -> export(ctx, false), StaffRole.ADMIN);
  }

  private void deleteConversation(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    if (EventRecorder.conversation(id) == null) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "not a conversation id: letters, digits, - and _ (8 to 64)");
    }
    int deleted = events.deleteConversation(id);
    int cases = alsoDelete.applyAsInt(id);
    audit.add(
        StaffPage.user(ctx),
        "delete-conversation",
        id + " (" + deleted + " events, " + cases + " cases)");
    ctx.json(Map.of("conversation", id, "deleted", deleted, "casesDeleted", cases));
  }

  private void export(Context ctx, boolean csv) throws Exception {
    Period period = Period.of(ctx, DEFAULT_EXPORT_DAYS, clock);
    String name =
        "faqbot-events-"
            + Instant.ofEpochMilli(period.from()).toString().substring(0, 10)
            + (csv ? ".csv" : ".jsonl");
    audit.add(
        StaffPage.user(ctx),
        "export",
        (csv ? "csv " : "jsonl ")
            + Instant.ofEpochMilli(period.from())
            + " to "
            + Instant.ofEpochMilli(period.to()));
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    Writer out =
        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    if (csv) {
      try (EventExport.CsvRows rows = EventExport.csv(out)) {
        events.forEach(period.from(), period.to(), rows);
      }
    } else {
      events.forEach(period.from(), period.to(), e -> EventExport.jsonLine(e, out));
    }
    out.flush();
  }
}
