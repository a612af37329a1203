package no.faqbot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC steps the staff tables (accounts, sessions, failed logins) need, each statement's
 * parameters bound in order and its resources closed.
 */
final class StaffSql {
  /** Reads one row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private StaffSql() {}

  /** Every row {@code sql} selects. */
  static <T> List<T> all(DataSource db, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement q = prepare(c, sql, params);
        ResultSet rs = q.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    }
  }

  /** The first row {@code sql} selects (or returns), if any. */
  static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement q = prepare(c, sql, params);
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
    }
  }

  static <T> Optional<T> first(DataSource db, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (Connection c = db.getConnection()) {
      return first(c, sql, row, params);
    }
  }

  /** The count a {@code SELECT count(*)} gives. */
  static long count(Connection c, String sql, Object... params) throws SQLException {
    return first(c, sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  /** Runs an INSERT, UPDATE or DELETE; how many rows it changed. */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  static int update(DataSource db, String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection()) {
      return update(c, sql, params);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }
}
