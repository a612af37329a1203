package no.faqbot.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import no.faqbot.web.StaffRole;

/**
 * Named staff accounts in the store (SQLite or the PostgreSQL replicas share), so {@code faqbot
 * staff add} on the command line and every running server see the same people.
 */
public final class StaffAccounts {
  private static final String SELECT =
      "SELECT name, role, password_hash, created FROM staff_accounts";

  private final DataSource db;
  private final Clock clock;

  public StaffAccounts(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The account called {@code name}, if there is one. */
  public Optional<StaffAccount> find(String name) throws SQLException {
    if (name == null || name.isEmpty() || name.length() > 64) {
      return Optional.empty();
    }
    return StaffSql.first(db, SELECT + " WHERE name = ?", StaffAccounts::account, name);
  }

  /** Every account, by name. */
  public List<StaffAccount> list() throws SQLException {
    return StaffSql.all(db, SELECT + " ORDER BY name", StaffAccounts::account);
  }

  /**
   * Adds an account.
   *
   * @throws IllegalArgumentException when the name is taken or not a name
   */
  public void add(String name, StaffRole role, PasswordHash hash) throws SQLException {
    StaffAccount.checkName(name);
    if (find(name).isPresent()) {
      throw new IllegalArgumentException(
          "there is already a staff account '" + name + "' (faqbot staff role / remove)");
    }
    long now = clock.millis();
    StaffSql.update(
        db,
        "INSERT INTO staff_accounts (name, role, password_hash, created, updated)"
            + " VALUES (?, ?, ?, ?, ?)",
        name,
        role.id(),
        hash.toString(),
        now,
        now);
  }

  /** Changes an account's role; false when there is no such account. */
  public boolean setRole(String name, StaffRole role) throws SQLException {
    return update(
        "UPDATE staff_accounts SET role = ?, updated = ? WHERE name = ?", role.id(), name);
  }

  /** Changes an account's password; false when there is no such account. */
  public boolean setPassword(String name, PasswordHash hash) throws SQLException {
    return update(
        "UPDATE staff_accounts SET password_hash = ?, updated = ? WHERE name = ?",
        hash.toString(),
        name);
  }

  /**
   * Removes an account; false when there was none. Its sessions stop working at their next request,
   * on every replica, since each request looks the account up.
   */
  public boolean remove(String name) throws SQLException {
    return StaffSql.update(db, "DELETE FROM staff_accounts WHERE name = ?", name) > 0;
  }

  private boolean update(String sql, String value, String name) throws SQLException {
    return StaffSql.update(db, sql, value, clock.millis(), name) > 0;
  }

  private static StaffAccount account(ResultSet rs) throws SQLException {
    return new StaffAccount(
        rs.getString(1),
        StaffRole.parse(rs.getString(2)),
        PasswordHash.parse(rs.getString(3)),
        rs.getLong(4));
  }
}
