package no.faqbot.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;

/**
 * Staff sessions in the shared database, so a login on one replica is valid on all of them and a
 * logout ends it everywhere. Only a hash of the session id is stored: whoever reads the table
 * cannot use its rows as cookies. Bounded like {@link StaffSessions}.
 */
record StoredSessions(DataSource db, Clock clock) implements Sessions {

  @Override
  public String open(String user) {
    String id = Tokens.fresh();
    long now = clock.millis();
    try (Connection c = db.getConnection()) {
      StaffSql.update(c, "DELETE FROM staff_sessions WHERE expires <= ?", now);
      long over = StaffSql.count(c, "SELECT count(*) FROM staff_sessions") - StaffSessions.MAX + 1;
      if (over > 0) {
        StaffSql.update(
            c,
            "DELETE FROM staff_sessions WHERE id IN (SELECT id FROM staff_sessions ORDER BY expires LIMIT ?)",
            over);
      }
      StaffSql.update(
          c,
          "INSERT INTO staff_sessions (id, staff_user, csrf, expires) VALUES (?, ?, ?, ?)",
          hash(id),
          user,
          Tokens.fresh(),
          now + StaffSessions.LENGTH.toMillis());
      return id;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<Session> get(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return Optional.empty();
    }
    try {
      return StaffSql.first(
          db,
          "SELECT staff_user, csrf, expires FROM staff_sessions WHERE id = ? AND expires > ?",
          rs -> new Session(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))),
          hash(id),
          clock.millis());
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void end(String id) {
    if (id == null) {
      return;
    }
    try {
      StaffSql.update(db, "DELETE FROM staff_sessions WHERE id = ?", hash(id));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public int size() {
    return size(db, "staff_sessions");
  }

  /** The rows of {@code table}. */
  static int size(DataSource db, String table) {
    try (Connection c = db.getConnection()) {
      return (int) StaffSql.count(c, "SELECT count(*) FROM " + table);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * A 503 with a clear message rather than a 500: the staff pages wait for the database to come
   * back.
   */
  static ApiException unavailable(SQLException e) {
    // The driver's or pool's message is for the log, not for whoever asked.
    return new ApiException(
        ErrorCode.SERVICE_UNAVAILABLE, "the database is not reachable; try again shortly");
  }

  private static String hash(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
