package no.faqbot.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
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
 * Reads a request's body before a route runs, without a thread: the body arrives through Jetty's
 * callbacks, and only once it is complete does the request go to an HTTP thread. A client that
 * sends its body slowly, or never, holds a connection but none of the few threads that answer chat.
 * Bodies are copied (not kept in Jetty's network buffers, which one byte per packet would pin by
 * the thousand), limited in size, and given a deadline: late ones get {@code 408}.
 *
 * <p>Multipart uploads to the upload routes are not read here: they are large, and those routes run
 * off the HTTP pool. Multipart bodies sent anywhere else are read here like any other body, so a
 * slow one cannot hold a thread of a route that reads form fields.
 */
final class BodyFirst {
  private BodyFirst() {}

  /**
   * A handler that reads bodies first, then calls the next one; {@code maxBytes} larger gets 413.
   * Multipart bodies sent to one of {@code uploadPaths} are left to the route.
   */
  static EagerContentHandler handler(int maxBytes, Duration deadline, Set<String> uploadPaths) {
    Buffering buffering = new Buffering(maxBytes, deadline);
    return new EagerContentHandler(buffering, new Uploads(buffering, Set.copyOf(uploadPaths)));
  }

  /** Multipart bodies: left to the route on the upload paths, read first everywhere else. */
  private record Uploads(Buffering buffering, Set<String> paths)
      implements EagerContentHandler.ContentLoaderFactory {
    @Override
    public String getApplicableMimeType() {
      return "multipart/form-data";
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(
        String contentType,
        String mimeType,
        Handler handler,
        Request request,
        Response response,
        Callback callback) {
      String path = Request.getPathInContext(request);
      String bare =
          path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      return paths.contains(bare)
          ? null
          : buffering.newContentLoader(contentType, mimeType, handler, request, response, callback);
    }
  }

  private record Buffering(int maxBytes, Duration deadline)
      implements EagerContentHandler.ContentLoaderFactory {
    @Override
    public String getApplicableMimeType() {
      return null; // every other type
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(
        String contentType,
        String mimeType,
        Handler handler,
        Request request,
        Response response,
        Callback callback) {
      return new Loader(handler, request, response, callback, maxBytes, deadline);
    }
  }

  /**
   * How much of a refused body is read and thrown away before the 413 is sent. Closing a connection
   * with bytes still unread makes the server's TCP stack reset it, and a reset can wipe the answer
   * from the client's buffer before it is read: the client sees a network error instead of 413.
   * Past this much, the connection is closed all the same.
   */
  static final int DISCARD_MAX = 1024 * 1024;

  private static final class Loader extends EagerContentHandler.ContentLoader
      implements Invocable.Task {
    private final int maxBytes;
    private final Duration deadline;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Set once by whichever comes first: the whole body, a failure, or the deadline. */
    private final AtomicBoolean decided = new AtomicBoolean();

    private volatile Scheduler.Task timer;

    /** Set once the body is known to be too large: the rest is read and thrown away. */
    private volatile boolean discarding;

    private long discarded;

    Loader(
        Handler handler,
        Request request,
        Response response,
        Callback callback,
        int maxBytes,
        Duration deadline) {
      super(handler, request, response, callback);
      this.maxBytes = maxBytes;
      this.deadline = deadline;
    }

    @Override
    protected void load() {
      long length = getRequest().getLength();
      if (length > maxBytes) {
        // A client waiting for "100 Continue" sends nothing more; one sending more than the bound
        // is not worth reading.
        if (length > DISCARD_MAX
            || getRequest().getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
          tooLarge();
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
            timer =
                getRequest()
                    .getComponents()
                    .getScheduler()
                    .schedule(this::late, deadline.toMillis(), TimeUnit.MILLISECONDS);
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
        if (!discarding && body.size() + bytes.remaining() > maxBytes) {
          discarding = true;
          body.reset();
        }
        if (discarding) {
          discarded += bytes.remaining();
          chunk.release();
          if (last || discarded > DISCARD_MAX) {
            tooLarge();
            return;
          }
          continue;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.write(copy, 0, copy.length);
        chunk.release();
        if (last) {
          if (decide()) {
            if (fromCallback) {
              getRequest()
                  .getContext()
                  .execute(this::dispatch); // never run a route on Jetty's I/O thread
            } else {
              dispatch();
            }
          }
          return;
        }
      }
    }

    /** The deadline passed: a refused body's 413 goes out now, else a 408. */
    private void late() {
      if (discarding) {
        tooLarge();
      } else {
        refuse(408, "the request body did not arrive within " + deadline.toSeconds() + " seconds");
      }
    }

    private void tooLarge() {
      refuse(413, "the request body is larger than " + maxBytes / 1024 + " KB");
    }

    private void dispatch() {
      handle(new Buffered(getRequest(), body.toByteArray()), getResponse(), getCallback());
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
  }

  /** The request with its body already read. */
  private static final class Buffered extends Request.Wrapper {
    private final Content.Source body;

    Buffered(Request wrapped, byte[] bytes) {
      super(wrapped);
      this.body = Content.Source.from(ByteBuffer.wrap(bytes));
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
