package no.faqbot.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests each client has in flight on some routes, so that one client cannot hold them
 * all. Only clients with a request in flight are kept, so the table is as large as the open
 * connections at most.
 */
final class InFlight {
  private final int perClient;
  private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  InFlight(int perClient) {
    this.perClient = perClient;
  }

  /** Takes a place for {@code client}; false when it already has {@code perClient} in flight. */
  boolean enter(String client) {
    boolean[] entered = {false};
    counts.compute(
        client,
        (c, count) -> {
          AtomicInteger n = count == null ? new AtomicInteger() : count;
          if (n.get() < perClient) {
            n.incrementAndGet();
            entered[0] = true;
          }
          return n.get() == 0 ? null : n;
        });
    return entered[0];
  }

  void leave(String client) {
    counts.computeIfPresent(client, (c, n) -> n.decrementAndGet() == 0 ? null : n);
  }

  int perClient() {
    return perClient;
  }
}
