package no.faqbot.config;

import java.time.Duration;
import no.faqbot.ops.OperationsSettings;

/** Operations' settings: the graceful shutdown, {@code /metrics} and the log format. */
public final class OperationsCatalogue {
  private OperationsCatalogue() {}

  public static final Setting<Duration> SHUTDOWN_SECONDS =
      Setting.env(
          "FAQBOT_SHUTDOWN_SECONDS",
          Long.toString(OperationsSettings.DEFAULT.shutdown().toSeconds()),
          "on SIGTERM, how long requests in flight may take to finish (0 to 600 seconds)",
          Parsers.integer(0, 600).map(Duration::ofSeconds));
  public static final Setting<String> METRICS_TOKEN =
      Setting.env(
          "FAQBOT_METRICS_TOKEN",
          null,
          "when set, /metrics wants Authorization: Bearer with this token; unset leaves it open",
          Parsers.text());
  public static final Setting<Boolean> LOG_FORMAT =
      Setting.env(
          "FAQBOT_LOG_FORMAT",
          "text",
          "text or json: log lines as text or as one JSON object each (time, level, request id;"
              + " for a request also method, path, status, ms and route template; never the query"
              + " or body)",
          Parsers.choice("text", "json").map("json"::equals));
}
