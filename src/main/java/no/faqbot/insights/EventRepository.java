package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import no.faqbot.store.Store;

/** Events in the store: written in batches, read for export, deleted by age or conversation. */
public final class EventRepository {
  static final String COLUMNS =
      "at, kind, conversation, lang, message, reply_type, entry_id, score, runner_up_id,"
          + " runner_up_score, suggestions, flow_id, flow_step, flow_outcome, helpful, case_ref, problem, error_code";
  private static final String INSERT =
      "INSERT INTO events (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

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
          bind(s, e);
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

  private static void bind(PreparedStatement s, Event e) throws SQLException {
    s.setLong(1, e.at());
    s.setString(2, e.kind().column());
    s.setString(3, e.conversation());
    s.setString(4, e.lang());
    s.setString(5, Event.cut(e.message(), Event.MAX_MESSAGE));
    s.setString(6, e.replyType());
    s.setString(7, e.entryId());
    setDouble(s, 8, e.score());
    s.setString(9, e.runnerUpId());
    setDouble(s, 10, e.runnerUpScore());
    s.setString(11, e.suggestions().isEmpty() ? null : String.join(",", e.suggestions()));
    s.setString(12, e.flowId());
    s.setString(13, e.flowStep());
    s.setString(14, e.flowOutcome());
    if (e.helpful() == null) {
      s.setNull(15, Types.SMALLINT);
    } else {
      s.setShort(15, (short) (e.helpful() ? 1 : 0));
    }
    s.setString(16, e.caseRef());
    s.setString(17, e.problem());
    s.setString(18, e.errorCode());
  }

  private static void setDouble(PreparedStatement s, int i, Double value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, value);
    }
  }

  /** Every event from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  public void forEach(long from, long to, Consumer<Event> sink) throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM events WHERE at >= ? AND at < ? ORDER BY at, id")) {
      s.setLong(1, from);
      s.setLong(2, to);
      s.setFetchSize(1000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          sink.accept(read(r));
        }
      }
    }
  }

  static Event read(ResultSet r) throws SQLException {
    String suggestions = r.getString(11);
    short helpful = r.getShort(15);
    Boolean vote = r.wasNull() ? null : helpful != 0;
    return new Event(
        r.getLong(1),
        EventKind.of(r.getString(2)),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        nullableDouble(r, 8),
        r.getString(9),
        nullableDouble(r, 10),
        suggestions == null ? List.of() : Arrays.asList(suggestions.split(",")),
        r.getString(12),
        r.getString(13),
        r.getString(14),
        vote,
        r.getString(16),
        r.getString(17),
        r.getString(18));
  }

  private static Double nullableDouble(ResultSet r, int i) throws SQLException {
    double d = r.getDouble(i);
    return r.wasNull() ? null : d;
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
