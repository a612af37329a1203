package no.faqbot.insights;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.format.Languages;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * {@code /staff/insights} and {@code GET /staff/api/insights?days=30&lang=nb} (behind the staff
 * login).
 */
public final class InsightsRoutes implements Routes {
  /** Strict: nothing from outside, no inline script or style; the charts are inline SVG. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  static final List<Integer> PERIODS = List.of(7, 30, 90);

  private final InsightsQueries queries;
  private final EventRecorder recorder;
  private final String storeName;
  private final int retentionDays;
  private final Clock clock;

  public InsightsRoutes(
      InsightsQueries queries,
      EventRecorder recorder,
      String storeName,
      int retentionDays,
      Clock clock) {
    this.queries = queries;
    this.recorder = recorder;
    this.storeName = storeName;
    this.retentionDays = retentionDays;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/staff/api/insights", ctx -> ctx.json(report(ctx)), StaffRole.AGENT);
    routes.get("/staff/insights", this::page, StaffRole.AGENT);
  }

  InsightsReport report(Context ctx) throws SQLException {
    int days = ApiException.parse(() -> Period.days(ctx.queryParam("days"), 30));
    Period period = ApiException.parse(() -> Period.lastDays(days, clock));
    return queries.report(
        period.from(),
        period.to(),
        days,
        lang(ctx),
        new InsightsReport.Recording(
            recorder.on(), recorder.queued(), recorder.dropped(), storeName, retentionDays));
  }

  /** The {@code lang} asked for; null (all languages) when absent, empty or {@code all}. */
  static String lang(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null || lang.isBlank() || lang.equals("all")) {
      return null;
    }
    if (!Languages.isSupported(lang)) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "unsupported lang '" + lang + "': use one of " + Languages.ALL + " or leave it out");
    }
    return lang;
  }

  private void page(Context ctx) throws SQLException {
    InsightsReport report = report(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("r", report);
    model.put("periods", PERIODS);
    model.put("langs", Languages.ALL);
    model.put("chart", InsightsChart.perDay(report.perDay()));
    model.put(
        "funnels",
        report.funnels().stream()
            .map(f -> Map.of("id", f.flowId(), "svg", InsightsChart.funnel(f)))
            .toList());
    model.put("user", ctx.attribute("staffUser"));
    model.put("csrf", ctx.attribute("csrf") == null ? "" : ctx.attribute("csrf"));
    ctx.header("Content-Security-Policy", CSP);
    ctx.contentType("text/html; charset=utf-8").render("staff-insights", model);
  }
}
