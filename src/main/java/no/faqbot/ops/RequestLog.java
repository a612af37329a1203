package no.faqbot.ops;

import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.value;

import no.faqbot.web.RequestObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request in logger {@code no.faqbot.requests}: method, path, status, milliseconds and
 * the route template, with the request id in the logging context; never the query string or the
 * body, so no merchant's message ends up in a log. In JSON ({@code FAQBOT_LOG_FORMAT=json}) each is
 * a field of its own. Every field is bounded: the method is a known one or {@code OTHER}, the route
 * a template, the path cut.
 *
 * <p>{@code logback.xml} sends this logger through an {@code AsyncAppender}: HTTP threads waiting
 * for the console's lock (and its write) held up chat answers under load.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("no.faqbot.requests");

  /** Paths are cut: they are the client's to choose. */
  static final int MAX_PATH = 200;

  void log(RequestObserver.Exchange e) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    // This may run on whichever thread finished the answer: the id is set for this line alone.
    try (MDC.MDCCloseable id = MDC.putCloseable("requestId", e.requestId())) {
      LOG.info(
          "{} {} {} {} ms {}",
          value("method", e.method()),
          value("path", path(e.path())),
          value("status", e.status()),
          value("ms", milliseconds(e.nanos())),
          keyValue("route", e.route()));
    }
  }

  /** {@code path} cut to {@link #MAX_PATH}, control characters and spaces as {@code ?}. */
  static String path(String path) {
    String cut = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(c < 0x20 || c == 0x7f || c == ' ' ? '?' : c);
    }
    return out.toString();
  }

  /** Milliseconds rounded to two decimals. */
  static double milliseconds(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
