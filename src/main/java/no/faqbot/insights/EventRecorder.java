package no.faqbot.insights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import no.faqbot.chat.ChatTurn;
import no.faqbot.support.Redactor;
import no.faqbot.support.SupportCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from request threads without waiting: a bounded queue that one writer thread drains
 * in batches into the store. When the queue is full (the store is slow or down) events are dropped
 * and counted, so a chat reply never waits for the database. Secrets are removed on the writer
 * thread, keeping that work off the chat's hot path.
 */
public final class EventRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  public static final int DEFAULT_CAPACITY = 50_000;
  private static final int BATCH = 2000;

  /** How long the writer lets events gather after the first of a batch. */
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** The widget's conversation id: random letters, digits and dashes; anything else is not kept. */
  private static final Pattern CONVERSATION = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  /** Where batches go; {@link EventRepository#insert} in production. */
  @FunctionalInterface
  public interface Sink {
    void write(List<Event> batch) throws Exception;
  }

  private final Sink sink;
  private final boolean on;
  private final Clock clock;
  private final BlockingQueue<Event> queue;
  private final Redactor redactor = new Redactor();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean failing;
  private final LongAdder written = new LongAdder();

  /**
   * Taken but not yet written or given up on, so {@link #flush} knows when the store has them all.
   */
  private final AtomicLong pending = new AtomicLong();

  private final Thread writer;
  private volatile boolean closing;

  /** How many wait in {@link #flush}: while any do, the writer writes without lingering. */
  private final AtomicInteger flushing = new AtomicInteger();

  public EventRecorder(Sink sink, boolean on, int capacity, Clock clock) {
    this.sink = sink;
    this.on = on;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::drain, "faqbot-events");
    writer.setDaemon(true);
    if (on) {
      writer.start();
    }
  }

  /** Queues {@code event}; drops and counts it when the queue is full. Never blocks. */
  public void record(Event event) {
    if (!on) {
      return;
    }
    pending.incrementAndGet();
    if (!queue.offer(event)) {
      pending.decrementAndGet();
      dropped.increment();
    }
  }

  public void chatTurn(ChatTurn turn) {
    if (on) {
      try {
        record(TurnEvent.of(turn, clock.millis(), conversation(turn.conversation())));
      } catch (RuntimeException e) {
        // the reply has been made; a recording bug must not turn it into an error
        dropped.increment();
        LOG.warn("Could not record a chat turn: {}", e.toString());
      }
    }
  }

  public void vote(
      String conversation, String entryId, String lang, boolean helpful, String query) {
    record(Event.vote(clock.millis(), conversation(conversation), lang, entryId, helpful, query));
  }

  public void pick(String conversation, String lang, String entryId) {
    record(Event.pick(clock.millis(), conversation(conversation), lang, entryId));
  }

  public void supportCase(SupportCase c) {
    record(
        Event.support(
            clock.millis(),
            c.sent() ? EventKind.SUPPORT_SENT : EventKind.SUPPORT_PREPARED,
            conversation(c.conversation()),
            c.lang(),
            c.caseRef(),
            c.problem(),
            c.errorCode()));
  }

  /**
   * The id when it looks like one the widget makes, else null (free text is never stored there).
   */
  static String conversation(String id) {
    return id != null && CONVERSATION.matcher(id).matches() ? id : null;
  }

  public boolean on() {
    return on;
  }

  /** Events lost because the queue was full or the store failed. */
  public long dropped() {
    return dropped.sum();
  }

  public long written() {
    return written.sum();
  }

  public int queued() {
    return queue.size();
  }

  /** Waits (at most {@code millis}) until everything queued so far is written; true when it was. */
  public boolean flush(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    flushing.incrementAndGet();
    LockSupport.unpark(writer);
    try {
      while (pending.get() > 0) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    } finally {
      flushing.decrementAndGet();
    }
  }

  private void drain() {
    List<Event> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Event first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        // Let a batch gather instead of writing each event as it comes: a transaction costs about
        // the same for one event as for hundreds, and while the writer sleeps here a request
        // thread's offer wakes nobody. flush() and close() cut the wait short.
        if (queue.size() < BATCH - 1 && !closing && flushing.get() == 0) {
          LockSupport.parkNanos(LINGER_NANOS);
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (!closing) {
          Thread.currentThread().interrupt();
          return;
        }
      } finally {
        pending.addAndGet(-batch.size());
        batch.clear();
      }
    }
  }

  private void write(List<Event> batch) {
    List<Event> clean = new ArrayList<>(batch.size());
    for (Event e : batch) {
      String redacted = e.message() == null ? null : redactor.redact(e.message()).text();
      clean.add(redacted == null || redacted.equals(e.message()) ? e : e.withMessage(redacted));
    }
    try {
      sink.write(clean);
      written.add(clean.size());
      if (failing) {
        failing = false;
        LOG.info("Recording events works again ({} dropped in all)", dropped.sum());
      }
    } catch (Exception e) {
      dropped.add(clean.size());
      // Logged when writing starts to fail, not per batch: a broken store must not flood the log.
      if (!failing) {
        failing = true;
        LOG.warn(
            "Could not record {} event(s) (dropped, {} in all): {}",
            clean.size(),
            dropped.sum(),
            e.toString());
      }
    }
  }

  /**
   * {@code ok}, or {@code failing} while the last write to the store failed (for {@code /health}).
   */
  public String storeState() {
    return failing ? "failing" : "ok";
  }

  /** Writes what is queued (for a few seconds at most), then stops the writer. */
  @Override
  public void close() {
    if (!on) {
      return;
    }
    flush(5_000);
    closing = true;
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
