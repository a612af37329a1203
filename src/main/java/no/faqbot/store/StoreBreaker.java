package no.faqbot.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker in front of the pool: once the store could not be reached, asking for a
 * connection fails at once for {@link #OPEN_NANOS}, then one caller tries again while the others
 * keep failing at once. Staff pages and insights thus answer a plain 503 in microseconds while the
 * store is away, instead of each holding a thread for the pool's timeout. The failure says "not
 * reachable" and nothing of the pool's internals.
 */
final class StoreBreaker implements DataSource {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(StoreBreaker.class);
  static final long OPEN_NANOS = TimeUnit.SECONDS.toNanos(5);
  static final String NOT_REACHABLE = "the event store is not reachable";

  private final DataSource pool;
  private final LongSupplier nanos;
  private final AtomicBoolean trying = new AtomicBoolean();
  private volatile boolean open;
  private volatile long retryAt;

  StoreBreaker(DataSource pool, LongSupplier nanos) {
    this.pool = pool;
    this.nanos = nanos;
  }

  /** Whether connections are refused at once now (the store was away at the last try). */
  boolean isOpen() {
    return open;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (!open) {
      return attempt();
    }
    if (nanos.getAsLong() - retryAt < 0 || !trying.compareAndSet(false, true)) {
      throw new SQLTransientConnectionException(NOT_REACHABLE, "08001");
    }
    try {
      return attempt();
    } finally {
      trying.set(false);
    }
  }

  private Connection attempt() throws SQLException {
    try {
      Connection c = pool.getConnection();
      if (open) {
        open = false;
        LOG.info("The event store is reachable again");
      }
      return c;
    } catch (SQLException e) {
      if (!StoreOutage.is(e)) {
        throw e;
      }
      retryAt = nanos.getAsLong() + OPEN_NANOS;
      if (!open) {
        open = true;
        LOG.warn(
            "The event store is not reachable ({}); what needs it answers 503 at once, trying"
                + " again every {} s",
            StoreOutage.describe(e),
            TimeUnit.NANOSECONDS.toSeconds(OPEN_NANOS));
      }
      throw new SQLTransientConnectionException(NOT_REACHABLE, "08001", e);
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has its own user");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool.isWrapperFor(type);
  }
}
