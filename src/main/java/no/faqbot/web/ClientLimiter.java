package no.faqbot.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One {@link RateLimit} per client, as a cell-rate bucket: per client one number, the time at which
 * its bucket would be full again. Lock-free on the way through (one map look-up and one
 * compare-and-set), so it costs next to nothing on the chat path.
 *
 * <p>Memory is bounded whatever clients send: at most {@code maxClients} are tracked. When the
 * table is full, clients whose bucket is full again are dropped (forgetting them changes nothing);
 * if that is not enough, a quarter of the rest is dropped, which at worst gives those clients a
 * fresh bucket.
 */
public final class ClientLimiter {
  private final long interval;
  private final long burst;
  private final int maxClients;
  private final LongSupplier nanos;
  private final Map<String, AtomicLong> fullAgainAt = new ConcurrentHashMap<>();
  private final ReentrantLock sweeping = new ReentrantLock();

  /** {@code nanos}: the clock, {@link System#nanoTime} but in tests. */
  public ClientLimiter(RateLimit limit, int maxClients, LongSupplier nanos) {
    if (limit.isOff()) {
      throw new IllegalArgumentException("an off limit needs no limiter");
    }
    this.interval = Math.max(1, limit.per().toNanos() / limit.requests());
    this.burst = interval * limit.requests();
    this.maxClients = maxClients;
    this.nanos = nanos;
  }

  /**
   * Takes one request for {@code client}: 0 when allowed, else the nanoseconds until it would be.
   */
  public long acquire(String client) {
    long now = nanos.getAsLong();
    AtomicLong bucket = fullAgainAt.get(client);
    if (bucket == null) {
      if (fullAgainAt.size() >= maxClients) {
        makeRoom(now);
      }
      bucket = fullAgainAt.computeIfAbsent(client, c -> new AtomicLong(now));
    }
    while (true) {
      long at = bucket.get();
      long from = at - now < 0 ? now : at; // an idle bucket is simply full
      long next = from + interval;
      if (next - now > burst) {
        return next - now - burst;
      }
      if (bucket.compareAndSet(at, next)) {
        return 0;
      }
    }
  }

  /** How many clients are tracked now. */
  public int trackedClients() {
    return fullAgainAt.size();
  }

  private void makeRoom(long now) {
    if (!sweeping.tryLock()) {
      return; // another thread is at it; overshooting by a few entries is fine
    }
    try {
      fullAgainAt.values().removeIf(bucket -> bucket.get() - now <= 0);
      int excess = fullAgainAt.size() - maxClients * 3 / 4;
      for (Iterator<String> it = fullAgainAt.keySet().iterator();
          excess > 0 && it.hasNext();
          excess--) {
        it.next();
        it.remove();
      }
    } finally {
      sweeping.unlock();
    }
  }
}
