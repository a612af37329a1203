package no.faqbot.web;

import java.time.Duration;

/**
 * How a request body must arrive before its route runs: at most {@code maxBytes}, all of it within
 * {@code deadline}, and, once {@code grace} has passed, at {@code minBytesPerSecond} on average (0:
 * no minimum). Late or slow bodies get {@code 408}.
 */
record BodyRules(long maxBytes, Duration deadline, long minBytesPerSecond, Duration grace) {
  /** Whether {@code received} bytes after {@code elapsed} are too few. */
  boolean tooSlow(long received, Duration elapsed) {
    return minBytesPerSecond > 0
        && elapsed.compareTo(grace) >= 0
        && received < minBytesPerSecond * elapsed.toMillis() / 1000;
  }
}
