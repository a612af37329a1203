package no.faqbot.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
final class StoredSessions implements Sessions {
  private final DataSource db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  StoredSessions(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public String open(String user) {
    String id = Sessions.token(random);
    long now = clock.millis();
    try (Connection c = db.getConnection()) {
      update(c, "DELETE FROM staff_sessions WHERE expires <= ?", now);
      try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM staff_sessions");
          ResultSet rs = count.executeQuery()) {
        long over = rs.next() ? rs.getLong(1) - StaffSessions.MAX + 1 : 0;
        if (over > 0) {
          update(
              c,
              "DELETE FROM staff_sessions WHERE id IN (SELECT id FROM staff_sessions ORDER BY expires LIMIT ?)",
              over);
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO staff_sessions (id, staff_user, csrf, expires) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, hash(id));
        insert.setString(2, user);
        insert.setString(3, Sessions.token(random));
        insert.setLong(4, now + StaffSessions.LENGTH.toMillis());
        insert.executeUpdate();
      }
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
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT staff_user, csrf, expires FROM staff_sessions WHERE id = ? AND expires > ?")) {
      q.setString(1, hash(id));
      q.setLong(2, clock.millis());
      try (ResultSet rs = q.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Session(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void end(String id) {
    if (id == null) {
      return;
    }
    try (Connection c = db.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM staff_sessions WHERE id = ?")) {
        delete.setString(1, hash(id));
        delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public int size() {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM staff_sessions");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  static void update(Connection c, String sql, long value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, value);
      s.executeUpdate();
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
