package no.faqbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the event store may grow: it stays under {@code FAQBOT_STORE_MAX_MB}, and (embedded) the
 * disk under it keeps {@code FAQBOT_DISK_RESERVE_MB} free, so a flood of events cannot fill the
 * disk that the store, the index and the logs share. Measured now and then on the event writer's
 * thread, never on a request's; while full, new events are refused and counted, and the log says so
 * once.
 */
public final class StoreRoom {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRoom.class);
  private static final long MB = 1024 * 1024;

  /** A file's size and the free disk are cheap to ask; PostgreSQL's size less so. */
  static final long EMBEDDED_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  static final long POSTGRES_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Store store;
  private final Path data;
  private final long maxBytes;
  private final long reserveBytes;
  private final LongSupplier nanos;
  private volatile String full;
  private long measuredAt;
  private boolean measured;

  /**
   * @param data the embedded store's folder (ignored for PostgreSQL)
   * @param maxBytes largest size of the store
   * @param reserveBytes free disk to keep under the embedded store
   */
  public StoreRoom(Store store, Path data, long maxBytes, long reserveBytes, LongSupplier nanos) {
    this.store = store;
    this.data = data;
    this.maxBytes = maxBytes;
    this.reserveBytes = reserveBytes;
    this.nanos = nanos;
  }

  /** Null while there is room, else why not (for the log and {@code /health}). */
  public String full() {
    return full;
  }

  /** Measures again when the last measure is old enough; call from one thread. */
  public void check() {
    long now = nanos.getAsLong();
    long every = store.vendor() == Vendor.SQLITE ? EMBEDDED_EVERY_NANOS : POSTGRES_EVERY_NANOS;
    if (measured && now - measuredAt < every) {
      return;
    }
    measured = true;
    measuredAt = now;
    String reason;
    try {
      reason = measure();
    } catch (IOException | SQLException | RuntimeException e) {
      return; // cannot tell: keep the last answer (a store that is away is the writer's business)
    }
    String was = full;
    full = reason;
    if (reason != null && was == null) {
      LOG.warn(
          "Event store full: {}; new events are refused (counted in faqbot_events_refused_total)"
              + " until retention or a deletion frees room",
          reason);
    } else if (reason == null && was != null) {
      LOG.info("Event store has room again; recording events");
    }
  }

  private String measure() throws IOException, SQLException {
    long size = store.vendor() == Vendor.SQLITE ? store.fileBytes(data) : postgresBytes();
    if (size >= maxBytes) {
      return String.format(
          Locale.ROOT,
          "the store holds %d MB, its limit is %d MB (FAQBOT_STORE_MAX_MB)",
          size / MB,
          maxBytes / MB);
    }
    if (store.vendor() == Vendor.SQLITE) {
      Path folder = Files.exists(data) ? data : data.toAbsolutePath().getParent();
      long free = Files.getFileStore(folder).getUsableSpace();
      if (free < reserveBytes) {
        return String.format(
            Locale.ROOT,
            "%d MB free on the disk of %s, %d MB are kept free (FAQBOT_DISK_RESERVE_MB)",
            free / MB,
            data.toAbsolutePath(),
            reserveBytes / MB);
      }
    }
    return null;
  }

  private long postgresBytes() throws SQLException {
    try (Connection c = store.connection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
      r.next();
      return r.getLong(1);
    }
  }
}
