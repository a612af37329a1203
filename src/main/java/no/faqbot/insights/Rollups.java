package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
      int hasMessage) {}

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
      long day = Math.floorDiv(e.at(), DAY);
      String lang = e.lang() == null ? "" : e.lang();
      String kind = e.kind().column();
      boolean keepsEntry =
          e.kind() == EventKind.PICK
              || e.kind() == EventKind.VOTE
              || "answer".equals(e.replyType());
      counts.merge(
          new Key(
              day,
              lang,
              kind,
              none(e.replyType()),
              keepsEntry ? none(e.entryId()) : "",
              none(e.flowId()),
              none(e.flowStep()),
              none(e.flowOutcome()),
              e.helpful() == null ? -1 : e.helpful() ? 1 : 0,
              e.message() == null ? 0 : 1),
          1L,
          Long::sum);
      if (e.conversation() != null) {
        if (e.kind() == EventKind.TURN) {
          marks.add(new Mark(day, lang, e.conversation(), "turn"));
        }
        if (e.kind() == EventKind.SUPPORT_PREPARED || e.kind() == EventKind.SUPPORT_SENT) {
          marks.add(new Mark(day, lang, e.conversation(), "email"));
        }
        if (Boolean.TRUE.equals(e.helpful()) || "resolved".equals(e.flowOutcome())) {
          marks.add(new Mark(day, lang, e.conversation(), "hard"));
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
        s.setString(5, Event.cut(k.entryId(), 200));
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

  private static String none(String s) {
    return s == null ? "" : s;
  }
}
