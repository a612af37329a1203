package no.faqbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import no.faqbot.web.Routes;
import no.faqbot.web.WebServer;

/**
 * Times and logs every request (into {@link Metrics} and the {@link RequestLog}) and serves {@code
 * GET /metrics}, behind {@code Authorization: Bearer <FAQBOT_METRICS_TOKEN>} when one is set.
 */
public final class OperationsRoutes implements Routes {
  private static final String STARTED = "faqbot.started";

  private final Metrics metrics;
  private final RequestLog log;
  private final String token;

  public OperationsRoutes(Metrics metrics, OperationsSettings settings) {
    this.metrics = metrics;
    this.log = new RequestLog(settings.jsonLogs());
    this.token = settings.metricsToken();
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    routes.after(this::done);
    routes.get("/metrics", this::metrics);
  }

  private void done(Context ctx) {
    Long started = ctx.attribute(STARTED);
    long nanos = started == null ? 0 : System.nanoTime() - started;
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    // The path template, so ids and typos do not make a time series each.
    String route = endpoint == null ? "unmatched" : endpoint.path;
    String method = ctx.method().name();
    int status = ctx.statusCode();
    metrics.request(method, route, status, nanos);
    log.log(method, ctx.path(), route, status, nanos);
  }

  private void metrics(Context ctx) {
    if (token != null && !authorized(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer");
      WebServer.error(
          ctx, 401, "send Authorization: Bearer with the metrics token (FAQBOT_METRICS_TOKEN)");
      return;
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private boolean authorized(String header) {
    String expected = "Bearer " + token;
    return header != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            header.strip().getBytes(StandardCharsets.UTF_8));
  }
}
