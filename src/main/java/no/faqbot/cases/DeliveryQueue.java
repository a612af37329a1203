package no.faqbot.cases;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import no.faqbot.support.SupportEmailBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued cases through the connector: a try at once when the merchant sends, then again
 * with {@link Backoff} until delivered or given up (dead: the case shows as failed, and staff can
 * retry it). The queue is in the store, so a restart or a helpdesk that is down loses nothing, and
 * replicas sharing it claim each try so that a case is delivered once.
 */
record DeliveryQueue(
    DeliveryRepository deliveries,
    CaseRepository cases,
    Connector connector,
    Function<KeptCase, SupportEmailBuilder.Built> email,
    Backoff backoff,
    Clock clock) {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);

  /** How long a claimed try may take before another replica may try the case again. */
  private static final Duration LEASE = Duration.ofMinutes(5);

  private static final int BATCH = 20;

  String channel() {
    return connector.name();
  }

  /** Queues the case and tries it once now; true when it was delivered. */
  boolean deliverNow(String ref) throws SQLException {
    long now = clock.millis();
    deliveries.enqueue(ref, connector.name(), now);
    cases.setStatus(ref, KeptCase.QUEUED, connector.name(), now);
    DeliveryRepository.Row row = deliveries.find(ref).orElseThrow();
    return deliveries.claim(row, now + LEASE.toMillis()) && attempt(row);
  }

  /** Tries every delivery that is due; returns how many were delivered. */
  int runDue() throws SQLException {
    int delivered = 0;
    long now = clock.millis();
    for (DeliveryRepository.Row row : deliveries.due(now, BATCH)) {
      if (deliveries.claim(row, now + LEASE.toMillis()) && attempt(row)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** One try; the outcome is written to the queue, the case's status and its log. */
  private boolean attempt(DeliveryRepository.Row row) throws SQLException {
    String ref = row.caseRef();
    int tries = row.attempts() + 1;
    KeptCase kept = cases.find(ref).orElse(null);
    if (kept == null) {
      return false; // deleted meanwhile
    }
    try {
      connector.deliver(kept, email.apply(kept));
    } catch (Exception e) {
      long now = clock.millis();
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("Delivering case {} by {} failed (try {}): {}", ref, connector.name(), tries, why);
      boolean dead = tries >= backoff.maxAttempts();
      long next = now + backoff.after(tries).toMillis();
      deliveries.failed(ref, tries, next, why, dead);
      cases.setStatus(ref, dead ? KeptCase.FAILED : KeptCase.QUEUED, null, now);
      cases.log(
          ref,
          now,
          connector.name()
              + " try "
              + tries
              + " failed: "
              + why
              + (dead
                  ? "; given up (retry it from the inbox)"
                  : "; next try " + Instant.ofEpochMilli(next)));
      return false;
    }
    long now = clock.millis();
    deliveries.delivered(ref, tries);
    cases.setStatus(ref, KeptCase.DELIVERED, connector.name(), now);
    cases.log(ref, now, "delivered by " + connector.name() + " (try " + tries + ")");
    return true;
  }

  /** {@link #runDue} for the timer: a failure is logged, and the next round tries again. */
  void runDueOrLog() {
    try {
      runDue();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("The case delivery queue could not be read: {}", e.toString());
    }
  }
}
