package no.faqbot.web;

import java.util.Set;

/**
 * The HTTP methods this server knows by name. Any other token a client sends (Jetty accepts any) is
 * {@link #OTHER} before it reaches a route lookup, a metric label or a log line, so made-up methods
 * cannot make a time series or a log field each.
 */
public final class HttpMethods {
  public static final String OTHER = "OTHER";

  private static final Set<String> KNOWN =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private HttpMethods() {}

  /** {@code method} when it is one of the known ones, else {@link #OTHER}. */
  public static String normalize(String method) {
    return method != null && KNOWN.contains(method) ? method : OTHER;
  }
}
