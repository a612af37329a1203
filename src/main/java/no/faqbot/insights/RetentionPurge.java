package no.faqbot.insights;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes events older than the retention period: once shortly after start, then daily. */
public final class RetentionPurge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

  private final EventRepository events;
  private final int days;
  private final Clock clock;
  private ScheduledExecutorService timer;

  public RetentionPurge(EventRepository events, int days, Clock clock) {
    this.events = events;
    this.days = days;
    this.clock = clock;
  }

  /** Deletes what is older than the retention period now; returns how many events. */
  public int run() throws SQLException {
    int deleted = events.deleteBefore(clock.millis() - Duration.ofDays(days).toMillis());
    if (deleted > 0) {
      LOG.info("Deleted {} event(s) older than {} days (FAQBOT_RETENTION_DAYS)", deleted, days);
    }
    return deleted;
  }

  /** Runs a minute after start (not holding it up), then every 24 hours. */
  public void schedule() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread t = new Thread(work, "faqbot-retention");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> {
          try {
            run();
          } catch (SQLException | RuntimeException e) {
            LOG.warn("Retention purge failed (tried again tomorrow): {}", e.toString());
          }
        },
        1,
        TimeUnit.DAYS.toMinutes(1),
        TimeUnit.MINUTES);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
