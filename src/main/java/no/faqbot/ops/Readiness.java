package no.faqbot.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.store.Store;

/**
 * Whether this replica should get traffic: its content is loaded and the index open, its store
 * answers, and it is not shutting down. A load balancer or orchestrator asks often, so the store
 * check runs one at a time on its own thread and is given up after {@link #STORE_WAIT_MS}.
 */
public final class Readiness implements AutoCloseable {
  static final long STORE_WAIT_MS = 2_000;

  private final KnowledgeBase knowledge;
  private final Store store;
  private final ExecutorService checker =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread thread = new Thread(work, "faqbot-readiness");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<CompletableFuture<String>> storeCheck = new AtomicReference<>();
  private volatile boolean draining;

  /** {@code store} may be null (a trial run has none). */
  public Readiness(KnowledgeBase knowledge, Store store) {
    this.knowledge = knowledge;
    this.store = store;
  }

  /**
   * From now on not ready: the load balancer takes this replica out while requests in flight
   * finish.
   */
  public void drain() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }

  public boolean contentLoaded() {
    return knowledge.isLoaded();
  }

  /** What keeps this replica from serving; empty when it is ready. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (draining) {
      problems.add("shutting down");
    }
    if (!knowledge.isLoaded()) {
      problems.add("content is loading");
    }
    String storeProblem = store == null ? null : storeProblem();
    if (storeProblem != null) {
      problems.add(storeProblem);
    }
    return problems;
  }

  private String storeProblem() {
    CompletableFuture<String> check =
        storeCheck.updateAndGet(
            running ->
                running == null || running.isDone()
                    ? CompletableFuture.supplyAsync(this::ping, checker)
                    : running);
    try {
      return check.get(STORE_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "the store does not answer";
    } catch (ExecutionException e) {
      return "the store is not reachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Null when the store answers; never the database's own message (anyone may ask). */
  private String ping() {
    try (Connection c = store.connection()) {
      return c.isValid(2) ? null : "the store is not reachable";
    } catch (SQLException | RuntimeException e) {
      return "the store is not reachable";
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
