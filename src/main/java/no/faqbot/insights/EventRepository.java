package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import no.faqbot.store.Store;

/** Events in the store: written in batches, read for export, deleted by age or conversation. */
public final class EventRepository {
  private static final String INSERT =
      "INSERT INTO events ("
          + EventRow.COLUMNS
          + ") VALUES ("
          + "?,".repeat(EventRow.Column.values().length - 1)
          + "?)";

  private final Store store;

  public EventRepository(Store store) {
    this.store = store;
  }

  public Store store() {
    return store;
  }

  /** Writes {@code events} in one transaction, with the per-day counts the insights read. */
  public void insert(List<Event> events) throws SQLException {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(INSERT)) {
        for (Event e : events) {
          EventRow.bind(s, e);
          s.addBatch();
        }
        s.executeBatch();
        Rollups.add(c, events);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        throw failed(c, e);
      }
      c.setAutoCommit(true);
    }
  }

  /**
   * Rolls back after {@code e} without hiding it: when the disk is full SQLite has rolled back
   * already, and the "cannot commit - no transaction is active" of the clean-up used to replace the
   * reason in the log. A full disk says so.
   */
  private static SQLException failed(Connection c, Exception e) {
    try {
      c.rollback();
    } catch (SQLException quiet) {
      e.addSuppressed(quiet);
    }
    try {
      c.setAutoCommit(true);
    } catch (SQLException quiet) {
      e.addSuppressed(quiet);
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    SQLException failure = (SQLException) e;
    return full(failure)
        ? new SQLException(
            "the event store is full: no space left on its disk (" + failure.getMessage() + ")",
            "53100",
            failure)
        : failure;
  }

  /** SQLite's SQLITE_FULL (13), or PostgreSQL's disk_full (53100). */
  static boolean full(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && (s.getErrorCode() == 13
              || "53100".equals(s.getSQLState())
              || String.valueOf(s.getMessage()).contains("SQLITE_FULL"))) {
        return true;
      }
    }
    return false;
  }

  /** Every event from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  public void forEach(long from, long to, Consumer<Event> sink) throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + EventRow.COLUMNS
                    + " FROM events WHERE at >= ? AND at < ? ORDER BY at, id")) {
      s.setLong(1, from);
      s.setLong(2, to);
      s.setFetchSize(1000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          sink.accept(EventRow.read(r));
        }
      }
    }
  }

  /**
   * Deletes events older than {@code before}, and the per-day counts of whole days before it;
   * returns how many events.
   */
  public int deleteBefore(long before) throws SQLException {
    long day = Math.floorDiv(before, Rollups.DAY);
    update("DELETE FROM daily_counts WHERE day < ?", day);
    update("DELETE FROM daily_totals WHERE day < ?", day);
    update("DELETE FROM conversation_days WHERE day < ?", day);
    update("DELETE FROM daily_conversations WHERE day < ?", day);
    int deleted = update("DELETE FROM events WHERE at < ?", before);
    if (deleted > 0) {
      store.reclaim();
    }
    return deleted;
  }

  /**
   * Deletes every event of one conversation; returns how many. The per-day counts keep its share:
   * they hold numbers only, nothing of the conversation.
   */
  public int deleteConversation(String conversation) throws SQLException {
    int deleted = deleteEvents(conversation);
    store.reclaim(); // with this connection closed, so the write-ahead log can be emptied
    return deleted;
  }

  private int deleteEvents(String conversation) throws SQLException {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try {
        Rollups.forget(c, conversation);
        int deleted;
        try (PreparedStatement s =
            c.prepareStatement("DELETE FROM events WHERE conversation = ?")) {
          s.setString(1, conversation);
          deleted = s.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        return deleted;
      } catch (SQLException | RuntimeException e) {
        throw failed(c, e);
      }
    }
  }

  public long count() throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM events");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private int update(String sql, Object value) throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, value);
      return s.executeUpdate();
    }
  }
}
