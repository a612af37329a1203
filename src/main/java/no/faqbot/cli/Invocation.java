package no.faqbot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.config.Settings;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;
import org.apache.commons.cli.CommandLine;

/**
 * One run of a command: its parsed options, the environment (each option's fallback) and where it
 * prints.
 */
public record Invocation(
    CommandLine parsed, Map<String, String> env, PrintStream out, PrintStream err) {

  /** The option's value, else the environment variable's, else {@code fallback}. */
  public String option(String name, String envVar, String fallback) {
    String value = parsed.getOptionValue(name);
    if (value == null && envVar != null) {
      value = env.get(envVar);
    }
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  public boolean flag(String name) {
    return parsed.hasOption(name);
  }

  public List<String> positional() {
    return parsed.getArgList();
  }

  public Path content() {
    return Path.of(option("content", "FAQBOT_CONTENT", "content"));
  }

  public Path index() {
    return Path.of(option("index", "FAQBOT_INDEX", "index"));
  }

  /** Where recorded events are kept ({@code FAQBOT_DATA}, default {@code ./data}). */
  public Path data() {
    return Path.of(env.getOrDefault("FAQBOT_DATA", "data"));
  }

  /**
   * The event store: PostgreSQL when {@code FAQBOT_DATABASE_URL} is set, else the embedded file.
   */
  public StoreSettings storeSettings() {
    return new StoreSettings(
        env.get("FAQBOT_DATABASE_URL"),
        env.get("FAQBOT_DATABASE_USER"),
        env.get("FAQBOT_DATABASE_PASSWORD"));
  }

  /** Everything the server reads from the environment, with the content and index locations. */
  public Settings settings(String host, int port) {
    SupportLimits limits =
        new SupportLimits(
            number("FAQBOT_MAX_SCREENSHOTS", null, SupportLimits.DEFAULT.maxFiles()),
            number("FAQBOT_MAX_SCREENSHOT_MB", null, 5) * 1024L * 1024);
    return new Settings(
        host,
        port,
        content(),
        index(),
        env.getOrDefault("FAQBOT_SUPPORT_EMAIL", Settings.DEFAULT_SUPPORT_EMAIL),
        env.get("FAQBOT_STATE_SECRET"),
        limits,
        SmtpSettings.fromEnvironment(env),
        env.get("FAQBOT_CORS_ORIGINS"),
        data(),
        env.get("FAQBOT_STAFF_USER"),
        env.get("FAQBOT_STAFF_PASSWORD"),
        number("FAQBOT_THREADS", null, Settings.DEFAULT_THREADS),
        env.get("FAQBOT_TRUSTED_PROXIES"),
        limits(),
        storeSettings(),
        new RecordingSettings(
            RecordingSettings.parseSwitch(env.get("FAQBOT_RECORDING")),
            number("FAQBOT_RETENTION_DAYS", null, RecordingSettings.DEFAULT_RETENTION_DAYS)),
        OperationsSettings.fromEnvironment(env));
  }

  /**
   * The {@code FAQBOT_LIMIT_*} variables set; the server checks their names and values at start.
   */
  private Map<String, String> limits() {
    return env.entrySet().stream()
        .filter(e -> e.getKey().startsWith(Settings.LIMIT_PREFIX))
        .collect(
            java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * A whole number from option {@code name} (when not null) or else environment variable {@code
   * envVar}, with a message naming where it came from when it is not one.
   */
  public int number(String envVar, String name, int fallback) {
    String fromOption = name == null ? null : parsed.getOptionValue(name);
    String value = fromOption != null ? fromOption : env.get(envVar);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      String source = fromOption != null ? "--" + name : envVar;
      throw new IllegalArgumentException(source + " must be a whole number, got '" + value + "'");
    }
  }
}
