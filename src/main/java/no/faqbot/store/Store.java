package no.faqbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a pooled {@link DataSource}, migrated to the newest schema when opened. SQLite (in
 * WAL mode, so readers such as {@code faqbot report} never block the writer) by default; PostgreSQL
 * when {@link StoreSettings#url} is set, which several replicas can share.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  public static final String FILE = "faqbot.db";

  /**
   * Asking for a connection waits at most this long: staff pages and insights answer 503 soon when
   * the store is away (and the breaker makes later ones answer at once).
   */
  static final long CONNECTION_TIMEOUT_MS = 1_000;

  /**
   * PostgreSQL driver defaults (seconds), so that no start and no query can hang: a TCP connect, a
   * login (a server that accepts and never answers) and a read. The URL may set others.
   */
  static final Map<String, String> POSTGRES_DEFAULTS =
      Map.of("connectTimeout", "5", "loginTimeout", "5", "socketTimeout", "60");

  private final HikariDataSource pool;
  private final StoreBreaker breaker;
  private final Vendor vendor;
  private final String description;

  private Store(HikariDataSource pool, Vendor vendor, String description) {
    this.pool = pool;
    this.breaker = new StoreBreaker(pool, System::nanoTime);
    this.vendor = vendor;
    this.description = description;
  }

  /**
   * Opens and migrates the store.
   *
   * @throws StoreUnavailableException when a configured PostgreSQL cannot be reached within {@link
   *     StoreSettings#startWait}, or the embedded file cannot be created; never falls back to the
   *     other
   */
  public static Store open(StoreSettings settings, Path data) {
    Store store = settings.embedded() ? embedded(data) : postgres(settings);
    try {
      // Out of order: the shared-state migrations are numbered from 100, so a later insights
      // migration (2, 3, ...) still applies to a database that already has 100.
      Flyway.configure()
          .dataSource(store.pool)
          .outOfOrder(true)
          .locations(
              "classpath:db/migration/" + store.vendor.name().toLowerCase(java.util.Locale.ROOT))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      store.close();
      throw new StoreUnavailableException(
          "could not update the database schema of " + store.description + ": " + e.getMessage(),
          e);
    }
    if (store.vendor == Vendor.SQLITE) {
      store.incrementalVacuum();
    }
    LOG.info("Event store: {}", store.description);
    return store;
  }

  private static Store embedded(Path data) {
    Path file = data.resolve(FILE).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot create the data folder "
              + file.getParent()
              + " (set FAQBOT_DATA): "
              + e.getMessage(),
          e);
    }
    HikariConfig config = new HikariConfig();
    // WAL: readers do not block the writer; NORMAL sync is durable across process crashes in WAL.
    config.setJdbcUrl(
        "jdbc:sqlite:"
            + file
            + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000"
            + "&foreign_keys=true&secure_delete=true");
    config.setMaximumPoolSize(4);
    config.setPoolName("faqbot-store");
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(CONNECTION_TIMEOUT_MS / 2);
    try {
      return new Store(new HikariDataSource(config), Vendor.SQLITE, "SQLite " + file);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(
          "cannot open the embedded database " + file + ": " + e.getMessage(), e);
    }
  }

  private static Store postgres(StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url().strip());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(6);
    config.setPoolName("faqbot-store");
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(CONNECTION_TIMEOUT_MS / 2);
    POSTGRES_DEFAULTS.forEach(config::addDataSourceProperty); // the URL's own values win
    // Hikari tries the first connection once a second until the wait is over, then throws.
    config.setInitializationFailTimeout(settings.startWait().toMillis());
    try {
      return new Store(new HikariDataSource(config), Vendor.POSTGRESQL, "PostgreSQL " + settings);
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new StoreUnavailableException(
          "cannot reach PostgreSQL at "
              + settings
              + " within "
              + seconds(settings.startWait())
              + ": "
              + rootMessage(e)
              + " (check FAQBOT_DATABASE_URL, FAQBOT_DATABASE_USER, "
              + "FAQBOT_DATABASE_PASSWORD, or unset FAQBOT_DATABASE_URL for the embedded store)",
          e);
    }
  }

  /** {@code 6 s}, {@code 0.5 s}. */
  private static String seconds(Duration wait) {
    return BigDecimal.valueOf(wait.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /**
   * Turns on incremental vacuum in a file made without it: the mode can only change before the
   * first table exists or with one VACUUM, so an older file is rewritten once.
   */
  private void incrementalVacuum() {
    try (Connection c = connection();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA auto_vacuum")) {
        if (r.next() && r.getInt(1) == 2) {
          return;
        }
      }
      s.execute("PRAGMA auto_vacuum = INCREMENTAL");
      s.execute("VACUUM");
      LOG.info("The event store now frees deleted pages (auto_vacuum = INCREMENTAL)");
    } catch (SQLException e) {
      LOG.warn("Could not turn on incremental vacuum in {}: {}", description, e.getMessage());
    }
  }

  /**
   * After deleting personal data: leaves nothing of the deleted rows readable in the files. SQLite
   * already overwrote them with zeros ({@code secure_delete}); this frees the deleted pages and
   * empties the write-ahead log, which still held copies of them. PostgreSQL: a VACUUM of the
   * events table, so dead rows are removed from its pages (see docs/privacy.md for what stays).
   */
  public void reclaim() {
    try (Connection c = connection();
        Statement s = c.createStatement()) {
      if (vendor == Vendor.SQLITE) {
        drain(s, "PRAGMA incremental_vacuum");
        drain(s, "PRAGMA wal_checkpoint(TRUNCATE)");
      } else {
        s.execute("VACUUM events");
      }
    } catch (SQLException e) {
      LOG.warn(
          "Could not reclaim the space of deleted rows in {}: {}", description, e.getMessage());
    }
  }

  /** Runs a pragma to its end (SQLite does some of their work one result row at a time). */
  private static void drain(Statement s, String sql) throws SQLException {
    if (s.execute(sql)) {
      try (ResultSet r = s.getResultSet()) {
        while (r.next()) {
          // each row is one step of the work
        }
      }
    }
  }

  /** Connections through the breaker: while the store is away they fail at once. */
  public DataSource dataSource() {
    return breaker;
  }

  public Connection connection() throws SQLException {
    return breaker.getConnection();
  }

  /** The pool itself, for its metrics. */
  public HikariDataSource pool() {
    return pool;
  }

  /** Whether the store was away at the last try (connections are refused at once meanwhile). */
  public boolean away() {
    return breaker.isOpen();
  }

  public Vendor vendor() {
    return vendor;
  }

  /** For logs and pages: which store, never a password. */
  public String description() {
    return description;
  }

  /** Bytes on disk of the embedded file with its write-ahead log; -1 for PostgreSQL. */
  public long fileBytes(Path data) {
    if (vendor != Vendor.SQLITE) {
      return -1;
    }
    long total = 0;
    for (String name : new String[] {FILE, FILE + "-wal"}) {
      try {
        Path p = data.resolve(name);
        total += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }

  @Override
  public void close() {
    pool.close();
  }
}
