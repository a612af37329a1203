package no.faqbot.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one body through Jetty's callbacks into a {@link BodyTarget}, then hands the request on
 * with the body in place. Decides once: the whole body, a failure, too large (413), or too late or
 * too slow by its {@link BodyRules} (408).
 */
final class BodyReader extends EagerContentHandler.ContentLoader implements Invocable.Task {
  /** How often a body with a minimum rate is checked. */
  private static final long CHECK_MS = 1000;

  /**
   * How much of a refused body is read and thrown away before the 413 is sent. Closing a connection
   * with bytes still unread makes the server's TCP stack reset it, and a reset can wipe the answer
   * from the client's buffer before it is read: the client sees a network error instead of 413.
   * Past this much, the connection is closed all the same.
   */
  static final int DISCARD_MAX = 1024 * 1024;

  /** Set once the body is known to be too large: the rest is read and thrown away. */
  private volatile boolean discarding;

  private long discarded;

  private final BodyRules rules;
  private final BodyTarget target;
  private final String tooLarge;
  private final long started = System.nanoTime();
  private volatile long received;

  /** Set once by whichever comes first: the whole body, a failure, the deadline, too slow. */
  private final AtomicBoolean decided = new AtomicBoolean();

  private volatile Scheduler.Task timer;

  BodyReader(
      Handler handler,
      Request request,
      Response response,
      Callback callback,
      BodyRules rules,
      BodyTarget target,
      String tooLarge) {
    super(handler, request, response, callback);
    this.rules = rules;
    this.target = target;
    this.tooLarge = tooLarge;
  }

  @Override
  protected void load() {
    long length = getRequest().getLength();
    if (length > rules.maxBytes()) {
      // A client waiting for "100 Continue" sends nothing more; one sending more than the bound is
      // not worth reading.
      if (length > DISCARD_MAX
          || getRequest().getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
        refuse(413, tooLarge);
        return;
      }
      discarding = true;
    }
    read(false);
  }

  /** Jetty calls this when more of the body can be read. */
  @Override
  public void run() {
    read(true);
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  private void read(boolean fromCallback) {
    while (!decided.get()) {
      Content.Chunk chunk = getRequest().read();
      if (chunk == null) {
        if (timer == null) {
          // Only a body that is not all there at once needs a deadline (most chat messages are).
          schedule();
        }
        getRequest().demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        // The client hung up or went quiet: nobody is left to read an answer, so one quiet 400.
        refuse(discarding ? 413 : 400, "the request body could not be read");
        return;
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      boolean last = chunk.isLast();
      if (!discarding && received + bytes.remaining() > rules.maxBytes()) {
        discarding = true;
      }
      if (discarding) {
        discarded += bytes.remaining();
        chunk.release();
        if (last || discarded > DISCARD_MAX) {
          refuse(413, tooLarge);
          return;
        }
        continue;
      }
      received += bytes.remaining();
      try {
        target.write(bytes);
      } catch (IOException e) {
        refuse(503, "the request body could not be stored; try again shortly");
        return;
      } finally {
        chunk.release();
      }
      if (last) {
        if (decide()) {
          if (fromCallback) {
            getRequest().getContext().execute(this::dispatch); // never run a route on an I/O thread
          } else {
            dispatch();
          }
        }
        return;
      }
    }
  }

  private void schedule() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    long untilDeadline = Math.max(0, rules.deadline().minus(elapsed).toMillis());
    long delay = rules.minBytesPerSecond() > 0 ? Math.min(CHECK_MS, untilDeadline) : untilDeadline;
    timer =
        getRequest()
            .getComponents()
            .getScheduler()
            .schedule(this::check, delay, TimeUnit.MILLISECONDS);
  }

  private void check() {
    if (decided.get()) {
      return;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (discarding && elapsed.compareTo(rules.deadline()) >= 0) {
      refuse(413, tooLarge);
    } else if (elapsed.compareTo(rules.deadline()) >= 0) {
      refuse(
          408,
          "the request body did not arrive within " + rules.deadline().toSeconds() + " seconds");
    } else if (rules.tooSlow(received, elapsed)) {
      refuse(
          408,
          "the request body arrived slower than "
              + Math.max(1, rules.minBytesPerSecond() / 1024)
              + " KB per second");
    } else {
      schedule();
    }
  }

  private void dispatch() {
    try {
      handle(new Buffered(getRequest(), target.source()), getResponse(), getCallback());
    } catch (IOException e) {
      Response.writeError(
          getRequest(), getResponse(), getCallback(), 503, "the request body could not be read");
    }
  }

  private boolean decide() {
    if (!decided.compareAndSet(false, true)) {
      return false;
    }
    Scheduler.Task t = timer;
    if (t != null) {
      t.cancel();
    }
    return true;
  }

  private void refuse(int status, String message) {
    if (decide()) {
      Response.writeError(getRequest(), getResponse(), getCallback(), status, message);
    }
  }

  /** The request with its body already read. */
  private static final class Buffered extends Request.Wrapper {
    private final Content.Source body;

    Buffered(Request wrapped, Content.Source body) {
      super(wrapped);
      this.body = body;
    }

    @Override
    public Content.Chunk read() {
      return body.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      body.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
      body.fail(failure);
    }

    @Override
    public boolean consumeAvailable() {
      return true;
    }
  }
}
