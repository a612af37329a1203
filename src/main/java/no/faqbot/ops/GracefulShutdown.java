package no.faqbot.ops;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping without dropping anyone: readiness turns 503 (the load balancer stops sending), the
 * listening socket closes (new connections go to another replica), requests in flight get up to the
 * configured time to finish, and only then the rest closes.
 */
public final class GracefulShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private GracefulShutdown() {}

  /**
   * Before {@code server} starts: Jetty counts requests in flight, and a stop waits for them for at
   * most {@code grace}.
   */
  public static Javalin prepare(Javalin server, Duration grace) {
    Server jetty = server.jettyServer().server();
    // Javalin attaches its own handler inside this wrapper when it starts.
    jetty.setHandler(new GracefulHandler());
    jetty.setStopTimeout(grace.toMillis());
    return server;
  }

  /**
   * Drains {@code readiness}, stops {@code server} gracefully, then closes {@code rest} (flushing
   * events).
   */
  public static void stop(Javalin server, Readiness readiness, AutoCloseable rest) {
    long started = System.nanoTime();
    readiness.drain();
    LOG.info("Shutting down: not ready any more, finishing the requests in flight");
    Server jetty = server.jettyServer().server();
    long grace = jetty.getStopTimeout();
    try {
      // Connectors stop accepting, then the requests in flight get the grace period.
      Graceful.shutdown(jetty).get(grace, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("Requests in flight did not all finish within {} ms; they are cut off", grace);
    } catch (ExecutionException e) {
      LOG.warn("Waiting for requests in flight failed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Waited already: a second wait inside stop() would only fail again, with a stack trace in the
    // log.
    jetty.setStopTimeout(0);
    try {
      server.stop();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the HTTP server failed: {}", e.toString());
    }
    try {
      rest.close();
    } catch (Exception e) {
      LOG.warn("Closing after the server stopped failed: {}", e.toString());
    }
    LOG.info("Stopped after {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
