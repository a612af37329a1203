package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.store.Store;

/** Who did what, when: staff actions that change content or delete, export or dismiss data. */
public final class AuditLog {
  private final Store store;
  private final Clock clock;

  /** One line of the log. */
  public record Entry(long at, String user, String action, String detail) {}

  public AuditLog(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void add(String user, String action, String detail) throws SQLException {
    try (Connection c = store.connection()) {
      add(c, user, action, detail);
    }
  }

  /** Adds the row on {@code c}, inside the caller's transaction when it has one. */
  void add(Connection c, String user, String action, String detail) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_log (at, staff_user, action, detail) VALUES (?,?,?,?)")) {
      s.setLong(1, clock.millis());
      s.setString(2, user == null ? "?" : user);
      s.setString(3, action);
      s.setString(4, EventRow.cut(detail, 2000));
      s.executeUpdate();
    }
  }

  /** The newest {@code limit} entries, newest first. */
  public List<Entry> latest(int limit) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT at, staff_user, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT "
                    + limit);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        entries.add(new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
      }
    }
    return entries;
  }
}
