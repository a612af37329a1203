package no.faqbot.revisions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import no.faqbot.store.StoreSettings;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica on the newest content revision: with PostgreSQL it listens for the
 * notification a publish sends and looks at once; it also looks every {@link #POLL_MILLIS} (the
 * only way with the embedded store, and the fallback while the listening connection is down).
 */
public final class RevisionFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RevisionFollower.class);

  /** Well inside the promised 5 seconds, even when a notification is lost. */
  static final int POLL_MILLIS = 2_000;

  private final RevisionPublisher publisher;
  private final StoreSettings postgres;
  private final Runnable awaitReady;
  private final Thread thread;
  private volatile boolean closed;
  private Connection listening;
  private boolean failing;

  /**
   * @param postgres where to listen for notifications; null to poll only (the embedded store)
   * @param awaitReady returns once the first content is served
   */
  public RevisionFollower(
      RevisionPublisher publisher, StoreSettings postgres, Runnable awaitReady) {
    this.publisher = publisher;
    this.postgres = postgres;
    this.awaitReady = awaitReady;
    this.thread = new Thread(this::run, "faqbot-revision-follower");
    thread.setDaemon(true);
  }

  public RevisionFollower start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      awaitReady.run();
    } catch (RuntimeException e) {
      return; // no content, nothing to follow
    }
    while (!closed) {
      try {
        waitForNews();
        publisher.catchUp();
        if (failing) {
          LOG.info("Following content revisions again");
          failing = false;
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (closed) {
          return;
        }
        if (!failing) {
          LOG.warn("Cannot follow content revisions ({}); trying again", e.toString());
          failing = true;
        }
        stopListening();
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
    stopListening();
  }

  /** Returns when a revision was announced, or after the poll interval. */
  private void waitForNews() throws InterruptedException, SQLException {
    if (postgres == null) {
      Thread.sleep(POLL_MILLIS);
      return;
    }
    if (listening == null) {
      Properties properties = new Properties();
      if (postgres.user() != null) {
        properties.setProperty("user", postgres.user());
      }
      if (postgres.password() != null) {
        properties.setProperty("password", postgres.password());
      }
      properties.setProperty("connectTimeout", "5");
      properties.setProperty("loginTimeout", "5");
      properties.setProperty("socketTimeout", "60");
      properties.setProperty("ApplicationName", "faqbot revision follower");
      listening = DriverManager.getConnection(postgres.url().strip(), properties);
      try (Statement s = listening.createStatement()) {
        s.execute("LISTEN " + RevisionLog.CHANNEL);
      }
    }
    // Blocks up to the interval; returns at once with a notification (its number is only a hint:
    // catchUp reads the newest anyway, so several at once cost one look).
    listening.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
  }

  private void stopListening() {
    if (listening != null) {
      try {
        listening.close();
      } catch (SQLException ignored) {
        // going anyway
      }
      listening = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
