package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.insights.EventRow.Column;

/**
 * Keeps the per-day counts ({@code daily_counts}, {@code daily_totals}) and active conversations
 * ({@code conversation_days}) in step with inserted events, in the same transaction. Each batch
 * adds up its increments in memory first, so a key gets one upsert per batch. The upserts are
 * written the same way for SQLite and PostgreSQL.
 */
final class Rollups {
  static final long DAY = 86_400_000L;
  private static final String COUNT =
      "INSERT INTO daily_counts (day, lang, kind, reply_type, entry_id, flow_id,"
          + " flow_step, flow_outcome, helpful, has_message, n) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT (day, lang, kind, reply_type, entry_id, flow_id, flow_step, flow_outcome, helpful, has_message)"
          + " DO UPDATE SET n = daily_counts.n + excluded.n";
  private static final String TOTAL =
      "INSERT INTO daily_totals (day, lang, kind, reply_type, flow_outcome, helpful, has_message, n)"
          + " VALUES (?,?,?,?,?,?,?,?)"
          + " ON CONFLICT (day, lang, kind, reply_type, flow_outcome, helpful, has_message)"
          + " DO UPDATE SET n = daily_totals.n + excluded.n";
  private static final String MARK =
      "INSERT INTO conversation_days (day, lang, conversation, mark) VALUES (?,?,?,?)"
          + " ON CONFLICT DO NOTHING";
  private static final String CONVERSATIONS =
      "INSERT INTO daily_conversations (day, lang, mark, n) VALUES (?,?,?,?)"
          + " ON CONFLICT (day, lang, mark) DO UPDATE SET n = daily_conversations.n + excluded.n";

  private Rollups() {}

  /** A row of daily_counts: what the figures group by. */
  private record Key(
      long day,
      String lang,
      String kind,
      String replyType,
      String entryId,
      String flowId,
      String flowStep,
      String flowOutcome,
      int helpful,
      int hasMessage) {
    /** The row an event with these columns counts in; the entry only where the figures use it. */
    static Key of(Map<Column, Object> v) {
      EventKind kind = (EventKind) v.get(Column.KIND);
      String replyType = text(v, Column.REPLY_TYPE);
      boolean keepsEntry =
          kind == EventKind.PICK || kind == EventKind.VOTE || "answer".equals(replyType);
      Boolean helpful = (Boolean) v.get(Column.HELPFUL);
      return new Key(
          Math.floorDiv((Long) v.get(Column.AT), DAY),
          text(v, Column.LANG),
          kind.column(),
          replyType,
          keepsEntry ? text(v, Column.ENTRY_ID) : "",
          text(v, Column.FLOW_ID),
          text(v, Column.FLOW_STEP),
          text(v, Column.FLOW_OUTCOME),
          helpful == null ? -1 : helpful ? 1 : 0,
          v.get(Column.MESSAGE) == null ? 0 : 1);
    }
  }

  /** A row of daily_totals: daily_counts without the entry and the flow and its step. */
  private record Total(
      long day,
      String lang,
      String kind,
      String replyType,
      String flowOutcome,
      int helpful,
      int hasMessage) {
    Total(Key k) {
      this(k.day, k.lang, k.kind, k.replyType, k.flowOutcome, k.helpful, k.hasMessage);
    }
  }

  private record Mark(long day, String lang, String conversation, String mark) {}

  static void add(Connection c, List<Event> events) throws SQLException {
    Map<Key, Long> counts = new HashMap<>();
    Set<Mark> marks = new LinkedHashSet<>();
    for (Event e : events) {
      Map<Column, Object> v = EventRow.values(e);
      Key key = Key.of(v);
      counts.merge(key, 1L, Long::sum);
      String conversation = (String) v.get(Column.CONVERSATION);
      if (conversation != null) {
        if (e instanceof TurnEvent) {
          marks.add(new Mark(key.day, key.lang, conversation, "turn"));
        }
        if (e instanceof SupportEvent) {
          marks.add(new Mark(key.day, key.lang, conversation, "email"));
        }
        if (key.helpful == 1 || "resolved".equals(key.flowOutcome)) {
          marks.add(new Mark(key.day, key.lang, conversation, "hard"));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(COUNT)) {
      for (Map.Entry<Key, Long> row : counts.entrySet()) {
        Key k = row.getKey();
        s.setLong(1, k.day());
        s.setString(2, k.lang());
        s.setString(3, k.kind());
        s.setString(4, k.replyType());
        s.setString(5, k.entryId());
        s.setString(6, k.flowId());
        s.setString(7, k.flowStep());
        s.setString(8, k.flowOutcome());
        s.setShort(9, (short) k.helpful());
        s.setShort(10, (short) k.hasMessage());
        s.setLong(11, row.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
    Map<Total, Long> totals = new HashMap<>();
    counts.forEach((k, n) -> totals.merge(new Total(k), n, Long::sum));
    try (PreparedStatement s = c.prepareStatement(TOTAL)) {
      for (Map.Entry<Total, Long> row : totals.entrySet()) {
        Total k = row.getKey();
        s.setLong(1, k.day());
        s.setString(2, k.lang());
        s.setString(3, k.kind());
        s.setString(4, k.replyType());
        s.setString(5, k.flowOutcome());
        s.setShort(6, (short) k.helpful());
        s.setShort(7, (short) k.hasMessage());
        s.setLong(8, row.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
    List<Mark> ordered = List.copyOf(marks);
    int[] added;
    try (PreparedStatement s = c.prepareStatement(MARK)) {
      for (Mark m : ordered) {
        s.setLong(1, m.day());
        s.setString(2, m.lang());
        s.setString(3, m.conversation());
        s.setString(4, m.mark());
        s.addBatch();
      }
      added = s.executeBatch();
    }
    // Only a conversation new on that day (the row was inserted, not ignored) counts once more.
    Map<Mark, Long> fresh = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (added[i] > 0) {
        Mark m = ordered.get(i);
        fresh.merge(new Mark(m.day(), m.lang(), "", m.mark()), 1L, Long::sum);
      }
    }
    try (PreparedStatement s = c.prepareStatement(CONVERSATIONS)) {
      for (Map.Entry<Mark, Long> row : fresh.entrySet()) {
        s.setLong(1, row.getKey().day());
        s.setString(2, row.getKey().lang());
        s.setString(3, row.getKey().mark());
        s.setLong(4, row.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Takes one conversation out of the per-day conversation counts (before its rows are deleted).
   */
  static void forget(Connection c, String conversation) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE daily_conversations SET n = n - 1 WHERE (day, lang, mark) IN"
                + " (SELECT day, lang, mark FROM conversation_days WHERE conversation = ?)")) {
      s.setString(1, conversation);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM conversation_days WHERE conversation = ?")) {
      s.setString(1, conversation);
      s.executeUpdate();
    }
  }

  /** The column's text, empty for none (the counts' key columns are never null). */
  private static String text(Map<Column, Object> v, Column c) {
    Object s = v.get(c);
    return s == null ? "" : (String) s;
  }
}
