package no.faqbot.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request in logger {@code no.faqbot.requests}: method, path, status, milliseconds —
 * as text or, with {@code FAQBOT_LOG_FORMAT=json}, as one JSON object. Never the query string or
 * the body, so no merchant's message ends up in a log.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("no.faqbot.requests");

  /** Paths are cut: they are the client's to choose. */
  private static final int MAX_PATH = 200;

  private final boolean json;

  RequestLog(boolean json) {
    this.json = json;
  }

  void log(String method, String path, String route, int status, long nanos) {
    if (LOG.isInfoEnabled()) {
      LOG.info(line(method, path, route, status, nanos));
    }
  }

  /** The line for one request; {@code path} is without the query string. */
  String line(String method, String path, String route, int status, long nanos) {
    String cut = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
    double ms = Math.round(nanos / 10_000.0) / 100.0;
    if (json) {
      return "{\"method\":\""
          + method
          + "\",\"path\":\""
          + escape(cut)
          + "\",\"route\":\""
          + escape(route)
          + "\",\"status\":"
          + status
          + ",\"ms\":"
          + ms
          + "}";
    }
    return method + " " + printable(cut) + " " + status + " " + ms + " ms";
  }

  /** A JSON string's content: quotes, backslashes and control characters escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
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
    return out.toString();
  }

  private static String printable(String text) {
    return text.replaceAll("[\\p{Cntrl} ]", "?");
  }
}
