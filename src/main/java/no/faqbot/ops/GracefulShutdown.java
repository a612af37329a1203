package no.faqbot.ops;

import io.javalin.Javalin;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping without dropping anyone: readiness turns 503 (the load balancer stops sending), the
 * listening socket closes (new connections go to another replica), requests in flight get up to
 * the configured time to finish, and only then the rest closes.
 */
public final class GracefulShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private GracefulShutdown() {}

  /**
   * Before {@code server} starts: Jetty counts requests in flight, and a stop waits for them for
   * at most {@code grace}.
   */
  public static Javalin prepare(Javalin server, Duration grace) {
    Server jetty = server.jettyServer().server();
    // Javalin attaches its own handler inside this wrapper when it starts.
    jetty.setHandler(new GracefulHandler());
    jetty.setStopTimeout(grace.toMillis());
    return server;
  }

  /** Drains {@code readiness}, stops {@code server} gracefully, then closes {@code rest} (flushing events). */
  public static void stop(Javalin server, Readiness readiness, AutoCloseable rest) {
    long started = System.nanoTime();
    readiness.drain();
    LOG.info("Shutting down: not ready any more, finishing the requests in flight");
    try {
      server.stop();
    } catch (RuntimeException e) {
      // Jetty reports requests that outlived the grace period; they are cut off, the rest still closes.
      LOG.warn("Requests in flight did not all finish in time: {}", e.toString());
    }
    try {
      rest.close();
    } catch (Exception e) {
      LOG.warn("Closing after the server stopped failed: {}", e.toString());
    }
    LOG.info("Stopped after {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
