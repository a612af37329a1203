package no.faqbot.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import no.faqbot.privacy.Redactor;
import no.faqbot.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@link EventRecorder}'s batches on its writer thread: removes secrets first, keeping
 * that work off the chat's hot path, then hands the batch to the sink; while the store is away it
 * tries again, waiting longer each time up to {@link #MAX_RETRY_NANOS}.
 */
final class EventWriter {
  /** Logged as the recorder: the writer is its thread's half. */
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  /** The longest wait between tries to write a batch while the store is away. */
  static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final EventRecorder.Sink sink;
  private final int capacity;
  private final LongAdder dropped;
  private final Redactor redactor = new Redactor();
  private final LongAdder written = new LongAdder();
  private volatile boolean failing;
  private volatile boolean away;

  /**
   * @param capacity the recorder's queue, for the log
   * @param dropped the recorder's count of events lost, which batches given up on add to
   */
  EventWriter(EventRecorder.Sink sink, int capacity, LongAdder dropped) {
    this.sink = sink;
    this.capacity = capacity;
    this.dropped = dropped;
  }

  /**
   * Writes {@code batch}, trying again while the store is away unless {@code closing}; false when
   * the batch was given up on (and counted as dropped).
   */
  boolean write(List<Event> batch, BooleanSupplier closing) {
    List<Event> clean = new ArrayList<>(batch.size());
    for (Event e : batch) {
      String redacted = e.message() == null ? null : redactor.redact(e.message()).text();
      clean.add(redacted == null || redacted.equals(e.message()) ? e : e.withMessage(redacted));
    }
    long wait = TimeUnit.MILLISECONDS.toNanos(100);
    while (true) {
      try {
        sink.write(clean);
        written.add(clean.size());
        if (failing) {
          failing = false;
          away = false;
          LOG.info("Recording events works again ({} dropped in all)", dropped.sum());
        }
        return true;
      } catch (Exception e) {
        boolean outage = StoreOutage.is(e);
        // Logged when writing starts to fail, not per batch: a broken store must not flood the log.
        if (!failing) {
          failing = true;
          if (outage) {
            LOG.warn(
                "The event store is not reachable ({}); up to {} events wait and are written when"
                    + " it is back, more are dropped and counted",
                StoreOutage.describe(e),
                capacity);
          } else {
            LOG.warn(
                "Could not record {} event(s) (dropped, {} in all): {}",
                clean.size(),
                dropped.sum() + clean.size(),
                e.toString());
          }
        }
        away = outage;
        if (!outage || closing.getAsBoolean()) {
          dropped.add(clean.size());
          return false;
        }
        LockSupport.parkNanos(wait);
        wait = Math.min(wait * 2, MAX_RETRY_NANOS);
      }
    }
  }

  long written() {
    return written.sum();
  }

  /** While writes fail: {@code unreachable} while the store is away, else {@code failing}. */
  String failure() {
    if (!failing) {
      return null;
    }
    return away ? "unreachable" : "failing";
  }
}
