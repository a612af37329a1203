package no.faqbot.staff;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * {@link LoginThrottle}'s rules over a table in the shared database: failures from one address
 * count together on every replica. The count is raised in one statement, so two replicas failing at
 * once both count. Rows are forgotten like the in-memory ones; the table is bounded the same way.
 */
record StoredLoginThrottle(DataSource db, Clock clock, int capacity) implements FailedLogins {
  private static final long FORGET = LoginThrottle.FORGET.toMillis();

  @Override
  public Duration waitFor(String client) {
    long now = clock.millis();
    try {
      long until =
          StaffSql.first(
                  db,
                  "SELECT locked_until FROM login_failures WHERE client = ?",
                  rs -> rs.getLong(1),
                  LoginThrottle.key(client))
              .orElse(0L);
      return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }

  @Override
  public Duration failed(String client) {
    long now = clock.millis();
    String key = LoginThrottle.key(client);
    try (Connection c = db.getConnection()) {
      StaffSql.update(
          c,
          "DELETE FROM login_failures WHERE "
              + "CASE WHEN locked_until > last_at THEN locked_until ELSE last_at END <= ?",
          now - FORGET);
      makeRoom(c, key);
      // Past its forget time an address starts again from one failure.
      int count =
          StaffSql.first(
                  c,
                  "INSERT INTO login_failures (client, failures, last_at, "
                      + "locked_until) VALUES (?, 1, ?, 0) ON CONFLICT (client) DO UPDATE SET failures = CASE WHEN "
                      + "login_failures.last_at <= ? AND login_failures.locked_until <= ? THEN 1 ELSE login_failures.failures + 1 "
                      + "END, last_at = excluded.last_at RETURNING failures",
                  rs -> rs.getInt(1),
                  key,
                  now,
                  now - FORGET,
                  now - FORGET)
              .orElse(1);
      Duration lock = LoginThrottle.lockAfter(count);
      if (!lock.isZero()) {
        StaffSql.update(
            c,
            "UPDATE login_failures SET locked_until = ? WHERE client = ?",
            now + lock.toMillis(),
            key);
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
    long over =
        StaffSql.count(c, "SELECT count(*) FROM login_failures WHERE client <> ?", key)
            - capacity
            + 1;
    if (over > 0) {
      StaffSql.update(
          c,
          "DELETE FROM login_failures WHERE client IN "
              + "(SELECT client FROM login_failures ORDER BY last_at LIMIT ?)",
          over);
    }
  }

  @Override
  public void succeeded(String client) {
    try {
      StaffSql.update(db, "DELETE FROM login_failures WHERE client = ?", LoginThrottle.key(client));
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }

  @Override
  public int size() {
    return StoredSessions.size(db, "login_failures");
  }
}
