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
import no.faqbot.store.StoreRoom;
import no.faqbot.support.SupportCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from request threads without waiting: a bounded queue that one writer thread drains
 * in batches into the store ({@link EventWriter}). While the store is away the writer keeps its
 * batch and tries again, so events wait in the queue and are written when it is back; when the
 * queue is full events are dropped and counted, so a chat reply never waits for the database. While
 * the store is full ({@link StoreRoom}) events are refused and counted.
 */
public final class EventRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  /**
   * Events waiting while the store is away: at most a few kilobytes each (a message is at most
   * 2,000 characters until the writer cuts it), so a full queue stays within a few tens of MB.
   */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** Why an event was refused, as {@code faqbot_events_refused_total{reason}} counts it. */
  public static final String NOT_SHOWN = "not_shown";

  public static final String STORE_FULL = "store_full";

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

  private final boolean on;
  private final Clock clock;
  private final BlockingQueue<Event> queue;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder notShown = new LongAdder();
  private final LongAdder refusedFull = new LongAdder();
  private final StoreRoom room;
  private final EventWriter eventWriter;

  /**
   * Taken but not yet written or given up on, so {@link #flush} knows when the store has them all.
   */
  private final AtomicLong pending = new AtomicLong();

  private final Thread writer;
  private volatile boolean closing;

  /** How many wait in {@link #flush}: while any do, the writer writes without lingering. */
  private final AtomicInteger flushing = new AtomicInteger();

  public EventRecorder(Sink sink, boolean on, int capacity, Clock clock) {
    this(sink, on, capacity, clock, null);
  }

  /** {@code room}, when not null, says whether the store may grow (see {@link StoreRoom}). */
  public EventRecorder(Sink sink, boolean on, int capacity, Clock clock, StoreRoom room) {
    this.room = room;
    this.on = on;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.eventWriter = new EventWriter(sink, capacity, dropped);
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
    if (room != null && room.full() != null) {
      refusedFull.increment();
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
    record(
        new VoteEvent(clock.millis(), conversation(conversation), lang, entryId, helpful, query));
  }

  public void pick(String conversation, String lang, String entryId) {
    record(new PickEvent(clock.millis(), conversation(conversation), lang, entryId));
  }

  public void supportCase(SupportCase c) {
    record(
        new SupportEvent(
            clock.millis(),
            c.sent(),
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

  /** Counts an event not recorded for {@code reason} ({@link #NOT_SHOWN}). */
  public void refuse(String reason) {
    if (NOT_SHOWN.equals(reason)) {
      notShown.increment();
    }
  }

  /** Events refused for {@code reason}: {@link #NOT_SHOWN} or {@link #STORE_FULL}. */
  public long refused(String reason) {
    return STORE_FULL.equals(reason) ? refusedFull.sum() : notShown.sum();
  }

  /** Events lost because the queue was full or the store failed. */
  public long dropped() {
    return dropped.sum();
  }

  public long written() {
    return eventWriter.written();
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
        if (room != null) {
          room.check();
        }
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
        if (!eventWriter.write(batch, () -> closing) && closing) {
          dropQueued(); // stopping: nothing more will reach a store that is away
        }
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

  private void dropQueued() {
    List<Event> rest = new ArrayList<>();
    queue.drainTo(rest);
    dropped.add(rest.size());
    pending.addAndGet(-rest.size());
  }

  /**
   * For {@code /health}: {@code ok}; {@code unreachable} while the store is away (events wait);
   * {@code failing} while writes fail otherwise; {@code full} while events are refused for room.
   */
  public String storeState() {
    String failure = eventWriter.failure();
    if (failure != null) {
      return failure;
    }
    return room != null && room.full() != null ? "full" : "ok";
  }

  /** Writes what is queued (for a few seconds at most), then stops the writer. */
  @Override
  public void close() {
    if (!on) {
      return;
    }
    flush(5_000);
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
