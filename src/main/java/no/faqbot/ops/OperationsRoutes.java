package no.faqbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.RequestObserver;
import no.faqbot.web.Routes;

/**
 * Counts and logs every request (into {@link Metrics} and the {@link RequestLog}) and serves {@code
 * GET /metrics}, behind {@code Authorization: Bearer <FAQBOT_METRICS_TOKEN>} when one is set.
 */
public final class OperationsRoutes implements Routes, RequestObserver {
  private final Metrics metrics;
  private final RequestLog log;
  private final String token;

  public OperationsRoutes(Metrics metrics, OperationsSettings settings) {
    this.metrics = metrics;
    this.log = new RequestLog();
    this.token = settings.metricsToken();
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/metrics", this::metrics);
  }

  /**
   * Every answered request, also a 429, a 401 or a body refused before its route ran. Method and
   * route come from bounded sets (known methods or OTHER, path templates), so they make no new time
   * series per client.
   */
  @Override
  public void done(Exchange exchange) {
    metrics.request(exchange.method(), exchange.route(), exchange.status(), exchange.nanos());
    log.log(exchange);
  }

  private void metrics(Context ctx) {
    if (token != null && !authorized(ctx.header("Authorization"))) {
      throw new ApiException(
              ErrorCode.UNAUTHORIZED,
              "send Authorization: Bearer with the metrics token (FAQBOT_METRICS_TOKEN)")
          .header("WWW-Authenticate", "Bearer");
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
