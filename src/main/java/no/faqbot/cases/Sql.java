package no.faqbot.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.store.Store;

/** Plain JDBC for the case tables: one statement with its parameters, each row read by a mapper. */
final class Sql {
  private Sql() {}

  /** Reads the row a result set is on. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Every row {@code sql} finds with {@code params}, in the order found. */
  static <T> List<T> query(Store store, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Connection con = store.connection();
        PreparedStatement s = con.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
    }
    return rows;
  }

  /** Runs {@code sql} with {@code params}; the number of rows changed. */
  static int update(Store store, String sql, Object... params) throws SQLException {
    try (Connection con = store.connection();
        PreparedStatement s = con.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] == null) {
        s.setNull(i + 1, Types.VARCHAR);
      } else {
        s.setObject(i + 1, params[i]);
      }
    }
  }
}
