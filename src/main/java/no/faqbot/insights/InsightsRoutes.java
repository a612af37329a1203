package no.faqbot.insights;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
  static final List<Integer> PERIODS = List.of(7, 30, 90);

  private final InsightsQueries queries;
  private final Supplier<InsightsReport.Recording> recording;
  private final Clock clock;

  /** {@code recording} tells the recorder's state at the time of each report. */
  public InsightsRoutes(
      InsightsQueries queries, Supplier<InsightsReport.Recording> recording, Clock clock) {
    this.queries = queries;
    this.recording = recording;
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
    return queries.report(period.from(), period.to(), days, lang(ctx), recording.get());
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
    StaffPage.render(ctx, "staff-insights", model);
  }
}
