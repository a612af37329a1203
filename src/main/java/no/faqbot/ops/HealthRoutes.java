package no.faqbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;

/**
 * Probes for orchestrators and load balancers: {@code /health/live} (the process answers) and
 * {@code /health/ready} (503 with the reasons while it cannot answer chat; the store's health
 * beside it). {@code /health} itself, with the content's figures, is the knowledge routes'.
 */
public final class HealthRoutes implements Routes {
  private final Readiness readiness;
  private final boolean refuseWhileLoading;

  /**
   * {@code refuseWhileLoading}: answer every other request with a quick 503 until the content is
   * loaded, so a load balancer retries it on another replica (a replica alone lets them wait
   * instead).
   */
  public HealthRoutes(Readiness readiness, boolean refuseWhileLoading) {
    this.readiness = readiness;
    this.refuseWhileLoading = refuseWhileLoading;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    if (refuseWhileLoading) {
      routes.before(
          ctx -> {
            if (!readiness.contentLoaded()
                && !ctx.path().startsWith("/health")
                && !ctx.path().equals("/metrics")) {
              ctx.header("Retry-After", "1");
              throw new ApiException(
                  ErrorCode.SERVICE_UNAVAILABLE,
                  "starting: the content is loading; try again in a moment");
            }
          });
    }
    routes.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
    routes.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) {
    List<String> problems = readiness.problems();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", problems.isEmpty() ? "ready" : "not ready");
    // Beside readiness, not part of it: chat answers without the store.
    body.put("store", readiness.store());
    if (!problems.isEmpty()) {
      body.put("problems", problems);
      ctx.status(503);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }
}
