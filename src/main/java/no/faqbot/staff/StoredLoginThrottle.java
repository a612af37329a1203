package no.faqbot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * {@link LoginThrottle}'s rules over a table in the shared database: failures from one address
 * count together on every replica. The count is raised in one statement, so two replicas failing at
 * once both count. Rows are forgotten like the in-memory ones; the table is bounded the same way.
 */
final class StoredLoginThrottle implements FailedLogins {
  private static final long FORGET = LoginThrottle.FORGET.toMillis();

  private final DataSource db;
  private final Clock clock;
  private final int capacity;

  StoredLoginThrottle(DataSource db, Clock clock, int capacity) {
    this.db = db;
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public Duration waitFor(String client) {
    long now = clock.millis();
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT locked_until FROM login_failures WHERE client = ?")) {
      q.setString(1, LoginThrottle.key(client));
      try (ResultSet rs = q.executeQuery()) {
        long until = rs.next() ? rs.getLong(1) : 0;
        return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
      }
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }

  @Override
  public Duration failed(String client) {
    long now = clock.millis();
    String key = LoginThrottle.key(client);
    try (Connection c = db.getConnection()) {
      StoredSessions.update(
          c,
          "DELETE FROM login_failures WHERE "
              + "CASE WHEN locked_until > last_at THEN locked_until ELSE last_at END <= ?",
          now - FORGET);
      makeRoom(c, key);
      int count;
      // Past its forget time an address starts again from one failure.
      try (PreparedStatement upsert =
          c.prepareStatement(
              "INSERT INTO login_failures (client, failures, last_at, "
                  + "locked_until) VALUES (?, 1, ?, 0) ON CONFLICT (client) DO UPDATE SET failures = CASE WHEN "
                  + "login_failures.last_at <= ? AND login_failures.locked_until <= ? THEN 1 ELSE login_failures.failures + 1 "
                  + "END, last_at = excluded.last_at RETURNING failures")) {
        upsert.setString(1, key);
        upsert.setLong(2, now);
        upsert.setLong(3, now - FORGET);
        upsert.setLong(4, now - FORGET);
        try (ResultSet rs = upsert.executeQuery()) {
          count = rs.next() ? rs.getInt(1) : 1;
        }
      }
      Duration lock = LoginThrottle.lockAfter(count);
      if (!lock.isZero()) {
        try (PreparedStatement s =
            c.prepareStatement("UPDATE login_failures SET locked_until = ? WHERE client = ?")) {
          s.setLong(1, now + lock.toMillis());
          s.setString(2, key);
          s.executeUpdate();
        }
      }
      return lock;
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }

  /**
   * When the table is full, the address that failed least recently goes (unless it is this one).
   */
  private void makeRoom(Connection c, String key) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT count(*) FROM login_failures WHERE client <> ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        long over = rs.next() ? rs.getLong(1) - capacity + 1 : 0;
        if (over > 0) {
          StoredSessions.update(
              c,
              "DELETE FROM login_failures WHERE client IN "
                  + "(SELECT client FROM login_failures ORDER BY last_at LIMIT ?)",
              over);
        }
      }
    }
  }

  @Override
  public void succeeded(String client) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM login_failures WHERE client = ?")) {
      s.setString(1, LoginThrottle.key(client));
      s.executeUpdate();
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }

  @Override
  public int size() {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM login_failures");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }
}
