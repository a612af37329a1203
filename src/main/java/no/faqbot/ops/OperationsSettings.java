package no.faqbot.ops;

import java.time.Duration;
import no.faqbot.web.WebServer;

/**
 * How the server is operated.
 *
 * @param shutdown how long requests in flight may take to finish after SIGTERM ({@code
 *     FAQBOT_SHUTDOWN_SECONDS}, default 10)
 * @param metricsToken when set, {@code /metrics} wants {@code Authorization: Bearer <token>}
 *     ({@code FAQBOT_METRICS_TOKEN}); null leaves it open
 * @param jsonLogs one JSON object per request log line instead of text ({@code
 *     FAQBOT_LOG_FORMAT=json})
 * @param bodyDeadline a JSON or form body must arrive within this, else {@code 408}; not an
 *     environment variable (no operator has needed another value): tests set a short one so they
 *     need not wait the real {@link WebServer#BODY_DEADLINE}
 */
public record OperationsSettings(
    Duration shutdown, String metricsToken, boolean jsonLogs, Duration bodyDeadline) {
  public static final OperationsSettings DEFAULT =
      new OperationsSettings(Duration.ofSeconds(10), null, false);

  /** With the default {@link WebServer#BODY_DEADLINE}. */
  public OperationsSettings(Duration shutdown, String metricsToken, boolean jsonLogs) {
    this(shutdown, metricsToken, jsonLogs, WebServer.BODY_DEADLINE);
  }

  public OperationsSettings {
    if (shutdown.isNegative() || shutdown.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "FAQBOT_SHUTDOWN_SECONDS must be between 0 and 600, got " + shutdown.toSeconds());
    }
    metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
    if (bodyDeadline.isZero() || bodyDeadline.isNegative()) {
      throw new IllegalArgumentException("the body deadline must be positive, got " + bodyDeadline);
    }
  }
}
