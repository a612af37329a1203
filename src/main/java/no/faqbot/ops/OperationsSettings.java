package no.faqbot.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the server is operated.
 *
 * @param shutdown how long requests in flight may take to finish after SIGTERM ({@code
 *     FAQBOT_SHUTDOWN_SECONDS}, default 10)
 * @param metricsToken when set, {@code /metrics} wants {@code Authorization: Bearer <token>}
 *     ({@code FAQBOT_METRICS_TOKEN}); null leaves it open
 * @param jsonLogs one JSON object per request log line instead of text ({@code
 *     FAQBOT_LOG_FORMAT=json})
 */
public record OperationsSettings(Duration shutdown, String metricsToken, boolean jsonLogs) {
  public static final OperationsSettings DEFAULT =
      new OperationsSettings(Duration.ofSeconds(10), null, false);

  public OperationsSettings {
    if (shutdown.isNegative() || shutdown.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "FAQBOT_SHUTDOWN_SECONDS must be between 0 and 600, got " + shutdown.toSeconds());
    }
    metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
  }

  /**
   * From {@code FAQBOT_SHUTDOWN_SECONDS}, {@code FAQBOT_METRICS_TOKEN} and {@code
   * FAQBOT_LOG_FORMAT}.
   */
  public static OperationsSettings fromEnvironment(Map<String, String> env) {
    String seconds = env.get("FAQBOT_SHUTDOWN_SECONDS");
    Duration shutdown = DEFAULT.shutdown();
    if (seconds != null && !seconds.isBlank()) {
      try {
        shutdown = Duration.ofSeconds(Long.parseLong(seconds.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "FAQBOT_SHUTDOWN_SECONDS must be a whole number, got '" + seconds + "'");
      }
    }
    String format = env.getOrDefault("FAQBOT_LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException(
          "FAQBOT_LOG_FORMAT must be text or json, got '" + format + "'");
    }
    return new OperationsSettings(shutdown, env.get("FAQBOT_METRICS_TOKEN"), format.equals("json"));
  }
}
