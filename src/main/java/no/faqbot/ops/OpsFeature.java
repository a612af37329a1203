package no.faqbot.ops;

import io.javalin.Javalin;
import no.faqbot.insights.Insights;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.staff.HashGate;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Operations wired: readiness, the metrics that watch every feature's counters, the request log and
 * {@code /metrics}, the health probes and the graceful shutdown.
 *
 * @param readiness whether to send traffic here: content loaded, store answering, not shutting down
 * @param operations {@code /metrics}, and what counts and logs every request
 * @param health the probes, and the gate that refuses requests while content loads (replicas only)
 */
public record OpsFeature(
    OperationsSettings settings,
    Readiness readiness,
    Metrics metrics,
    OperationsRoutes operations,
    HealthRoutes health)
    implements AutoCloseable {

  /**
   * Makes readiness and the metrics that watch {@code knowledge}, {@code insights} and {@code
   * hashes}.
   *
   * @param replicated whether replicas share a store, so that one still loading refuses requests
   *     (another can take them)
   */
  public static OpsFeature wire(
      OperationsSettings settings,
      KnowledgeFeature knowledge,
      Insights insights,
      HashGate hashes,
      boolean replicated) {
    Readiness readiness =
        new Readiness(knowledge.base(), insights.store(), insights.recorder()::storeState);
    Metrics metrics = new Metrics();
    metrics.watch(readiness);
    metrics.watch(insights.recorder());
    metrics.watch(knowledge.reloader());
    metrics.watch(hashes);
    if (insights.store() != null) {
      metrics.watch(insights.store());
    }
    return new OpsFeature(
        settings,
        readiness,
        metrics,
        new OperationsRoutes(metrics, settings),
        new HealthRoutes(readiness, replicated));
  }

  /** Before {@code server} starts: its threads are watched, and a stop lets requests finish. */
  public Javalin prepare(Javalin server) {
    if (server.jettyServer().threadPool() instanceof QueuedThreadPool http) {
      metrics.watch(http);
    }
    return GracefulShutdown.prepare(server, settings.shutdown());
  }

  /**
   * Stops {@code server} the graceful way: not ready first, no new connections, requests in flight
   * finish (up to {@code FAQBOT_SHUTDOWN_SECONDS}), then {@code rest} is closed.
   */
  public void shutdown(Javalin server, AutoCloseable rest) {
    GracefulShutdown.stop(server, readiness, rest);
  }

  @Override
  public void close() {
    readiness.close();
    metrics.close();
  }
}
