package no.faqbot.ops;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import no.faqbot.web.RequestObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request in logger {@code no.faqbot.requests}: method, path, status, milliseconds —
 * as text or, with {@code FAQBOT_LOG_FORMAT=json}, as one JSON object. Never the query string or
 * the body, so no merchant's message ends up in a log.
 *
 * <p>Lines are written by one background thread: the logger writes each line to standard error
 * under a lock, and HTTP threads waiting for that lock (and its write) held up chat answers under
 * load. A line that finds the queue full is counted and reported instead of waiting.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("no.faqbot.requests");

  /** Paths are cut: they are the client's to choose. */
  private static final int MAX_PATH = 200;

  /** Writes the lines of every request log of this process to the logger. */
  private static final Writer WRITER = new Writer(LOG::info, LOG::warn);

  private final boolean json;

  RequestLog(boolean json) {
    this.json = json;
  }

  void log(RequestObserver.Exchange e) {
    if (LOG.isInfoEnabled()) {
      WRITER.offer(line(e.method(), e.path(), e.route(), e.status(), e.nanos()));
    }
  }

  /**
   * One background thread that hands lines to {@code sink} in the order offered, within about 10
   * ms; a line that finds the queue full is counted, and the count reported to {@code warn},
   * instead of waiting.
   */
  static final class Writer {
    /** Lines waiting: a few seconds of a busy replica's requests. */
    private static final int QUEUE = 16_384;

    /** How long a line may wait to be written. */
    private static final int PAUSE_MILLIS = 10;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<String> sink;
    private final Consumer<String> warn;

    Writer(Consumer<String> sink, Consumer<String> warn) {
      this.sink = sink;
      this.warn = warn;
      Thread thread = new Thread(this::write, "faqbot-request-log");
      thread.setDaemon(true);
      thread.start();
      // The last requests' lines still reach the log when the process stops.
      Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "faqbot-request-log-flush"));
    }

    void offer(String line) {
      if (!lines.offer(line)) {
        dropped.incrementAndGet();
      }
    }

    /**
     * Writes what has queued up, then sleeps a little: a writer waiting in {@code take()} would
     * have to be woken for every line, a system call on the HTTP thread each time.
     */
    private void write() {
      while (true) {
        drain();
        try {
          Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private synchronized void drain() {
      for (String line = lines.poll(); line != null; line = lines.poll()) {
        sink.accept(line);
      }
      long lost = dropped.getAndSet(0);
      if (lost > 0) {
        warn.accept(lost + " request log lines dropped: the log could not keep up");
      }
    }
  }

  /** The line for one request; {@code path} is without the query string. */
  String line(String method, String path, String route, int status, long nanos) {
    String cut = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
    StringBuilder out = new StringBuilder(64 + cut.length() + route.length());
    if (json) {
      out.append("{\"method\":\"").append(method).append("\",\"path\":\"");
      escape(cut, out);
      out.append("\",\"route\":\"");
      escape(route, out);
      out.append("\",\"status\":").append(status).append(",\"ms\":");
      milliseconds(nanos, out);
      return out.append('}').toString();
    }
    out.append(method).append(' ');
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(c < 0x20 || c == 0x7f || c == ' ' ? '?' : c); // control characters, spaces
    }
    out.append(' ').append(status).append(' ');
    milliseconds(nanos, out);
    return out.append(" ms").toString();
  }

  /** Milliseconds rounded to two decimals, trailing zeros dropped: 0.08, 1.2, 3.0. */
  private static void milliseconds(long nanos, StringBuilder out) {
    long hundredths = Math.round(nanos / 10_000.0);
    out.append(hundredths / 100).append('.');
    long fraction = hundredths % 100;
    if (fraction % 10 == 0) {
      out.append(fraction / 10);
    } else {
      out.append(fraction / 10).append(fraction % 10);
    }
  }

  /** A JSON string's content: quotes, backslashes and control characters escaped. */
  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
