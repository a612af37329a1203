package no.faqbot.support;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests from threads of their own, through Javalin's {@code ctx.future}: with the work's
 * answer, or with {@code tooLong} at the deadline, whichever comes first.
 *
 * <p>Not {@code ctx.async}: Javalin finishes the response when its task ends or times out, also
 * when the work's answer is still streaming out at the deadline or the server already let the
 * request go (Jetty recycles the response when it stops). Here the answer is written at most once,
 * a late one is logged and dropped, and a request the server let go is left unfinished: neither the
 * work nor Javalin's steps after a handler may touch a response that no longer exists.
 */
final class OffThePool {
  private static final Logger LOG = LoggerFactory.getLogger(OffThePool.class);

  private final ExecutorService threads;
  private final long timeoutMillis;
  private final Consumer<Context> tooLong;

  /**
   * @param threads run the work: reading a merchant's screenshots over a slow line and talking to
   *     an SMTP server can take many seconds, which must not hold the few HTTP threads that answer
   *     chat messages
   */
  OffThePool(ExecutorService threads, long timeoutMillis, Consumer<Context> tooLong) {
    this.threads = threads;
    this.timeoutMillis = timeoutMillis;
    this.tooLong = tooLong;
  }

  /** Takes a request's answer: written at most once, and not at all once the request was let go. */
  @FunctionalInterface
  interface Answer {
    void give(Consumer<Context> answer);
  }

  /** A request's work; it gives its answer instead of writing it. */
  @FunctionalInterface
  interface Job {
    void run(Answer answer) throws Exception;
  }

  void answer(Context ctx, Job job) {
    ctx.future(
        () -> {
          Exchange exchange = new Exchange(ctx);
          try {
            threads.execute(
                () -> {
                  try {
                    job.run(exchange::answer);
                  } catch (Exception e) {
                    exchange.fail(e);
                  }
                });
          } catch (RejectedExecutionException e) {
            exchange.fail(e); // shutting down
          }
          return exchange.done;
        });
  }

  /**
   * One request handled off the pool; answered at most once, and not at all once the server let it
   * go.
   */
  private final class Exchange implements AsyncListener {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Context ctx;
    private final AtomicBoolean over = new AtomicBoolean();

    /**
     * Answers {@code tooLong} unless the request ends first (then it is cancelled, and nothing
     * waits for it).
     */
    private final CompletableFuture<Void> timeout =
        new CompletableFuture<Void>().completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS);

    Exchange(Context ctx) {
      this.ctx = ctx;
      AsyncContext async = ctx.req().getAsyncContext();
      async.setTimeout(0); // the timeout below decides
      async.addListener(this);
      timeout.thenRun(() -> answer(tooLong));
      done.whenComplete((ok, failed) -> timeout.cancel(false));
    }

    /**
     * Jetty let the request go (answered, or the server stopped): nothing may be written any more.
     */
    private void end() {
      over.set(true);
      timeout.cancel(false);
    }

    @Override
    public void onComplete(AsyncEvent event) {
      end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      end();
    }

    @Override
    public void onError(AsyncEvent event) {
      end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}

    void answer(Consumer<Context> answer) {
      if (!over.compareAndSet(false, true)) {
        LOG.info("A support request finished after it was answered or let go; not answered again");
        return;
      }
      try {
        answer.accept(ctx);
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }

    void fail(Exception e) {
      if (over.compareAndSet(false, true)) {
        done.completeExceptionally(e); // the server's error handlers answer it
      } else {
        LOG.info("A support request failed after it was answered or let go: {}", e.toString());
      }
    }
  }
}
