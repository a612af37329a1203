package no.faqbot.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * {@code FAQBOT_LOG_FORMAT=json}: the console appender of {@code logback.xml} writes one JSON
 * object per line (timestamp, level, logger, message, the request id and, on request lines, method,
 * path, route, status and ms as fields) instead of text. Only {@code serve} switches, once at
 * start.
 */
public final class LogFormat {
  /** The appender's name in {@code logback.xml}. */
  private static final String CONSOLE = "CONSOLE";

  private LogFormat() {}

  /** Switches the console to JSON lines when {@code json}; text stays otherwise. */
  public static void use(boolean json) {
    if (!json || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Appender<ILoggingEvent> appender =
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
    if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
      appender.stop();
      console.setEncoder(json(context));
      appender.start();
    }
  }

  /** The JSON encoder: {@code @timestamp} in UTC, MDC and structured arguments as fields. */
  static Encoder<ILoggingEvent> json(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setTimeZone("UTC");
    encoder.start();
    return encoder;
  }
}
