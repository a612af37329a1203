package no.faqbot.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.store.Store;

/**
 * Whether this replica should get traffic: its content is loaded and the index open, and it is not
 * shutting down; that is all chat needs. The store's health is reported beside it ({@link #store}),
 * never as a reason to take chat out of rotation: a store that goes away would otherwise take every
 * replica out at once while each could still answer. A load balancer asks often, so the store is
 * pinged in the background, at most once a {@link #STORE_EVERY_MS}, and nobody waits for it.
 */
public final class Readiness implements AutoCloseable {
  static final long STORE_EVERY_MS = 1_000;

  private final KnowledgeBase knowledge;
  private final Store store;
  private final Supplier<String> writes;
  private final ExecutorService checker =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread thread = new Thread(work, "faqbot-readiness");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile long checkedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
  private volatile boolean reachable = true;
  private volatile boolean draining;

  /**
   * {@code store} may be null (a trial run has none); {@code writes} says how writing events goes
   * ({@code ok}, {@code failing}, {@code unreachable}, {@code full}).
   */
  public Readiness(KnowledgeBase knowledge, Store store, Supplier<String> writes) {
    this.knowledge = knowledge;
    this.store = store;
    this.writes = writes;
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

  /** What keeps this replica from answering chat; empty when it is ready. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (draining) {
      problems.add("shutting down");
    }
    if (!knowledge.isLoaded()) {
      problems.add("content is loading");
    }
    return problems;
  }

  /**
   * The store's health, never waiting for it: {@code ok}, {@code unreachable}, {@code failing}
   * (writes fail), {@code full} (events are refused for room), or {@code none} without a store.
   */
  public String store() {
    if (store == null) {
      return "none";
    }
    refresh();
    if (!reachable) {
      return "unreachable";
    }
    return writes.get();
  }

  /** Whether the store answers and takes events: for the metrics' {@code faqbot_store_up}. */
  public boolean storeUp() {
    String state = store();
    return state.equals("ok") || state.equals("none");
  }

  private void refresh() {
    long now = System.nanoTime();
    if (now - checkedAt < TimeUnit.MILLISECONDS.toNanos(STORE_EVERY_MS)
        || !checking.compareAndSet(false, true)) {
      return;
    }
    try {
      checker.execute(
          () -> {
            try {
              reachable = ping();
            } finally {
              checkedAt = System.nanoTime();
              checking.set(false);
            }
          });
    } catch (RejectedExecutionException closed) {
      checking.set(false);
    }
  }

  private boolean ping() {
    try (Connection c = store.connection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
