package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import no.faqbot.store.Store;

/**
 * Computes {@link InsightsReport} from the per-day counts ({@code daily_counts}, {@code
 * daily_conversations}) that every insert keeps up to date: a few thousand rows for a month however
 * many events it had. Whole UTC days; the same SQL on SQLite and PostgreSQL.
 */
public final class InsightsQueries {
  static final long DAY = 86_400_000L;
  private static final int TOP = 10;
  private static final int KEPT_PERIODS = 12;

  private final Store store;

  /** Closed days' tallies by first day, last day and language; the few periods staff look at. */
  private final Map<String, Closed> closed =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Closed> eldest) {
          return size() > KEPT_PERIODS;
        }
      };

  public InsightsQueries(Store store) {
    this.store = store;
  }

  /**
   * The report for the days from {@code from} to {@code to} (epoch ms), in {@code lang} or all when
   * null.
   */
  public InsightsReport report(
      long from, long to, int days, String lang, InsightsReport.Recording recording)
      throws SQLException {
    String where = " WHERE day >= ? AND day <= ?" + (lang == null ? "" : " AND lang = ?");
    long firstDay = Math.floorDiv(from, DAY);
    long lastDay = Math.floorDiv(to - 1, DAY);
    try (Connection c = store.connection()) {
      DailyTotals t = new DailyTotals(firstDay, lastDay);
      query(
          c,
          "SELECT day, kind, reply_type, flow_outcome, helpful, has_message, SUM(n) FROM daily_totals"
              + where
              + " GROUP BY day, kind, reply_type, flow_outcome, helpful, has_message",
          firstDay,
          lastDay,
          lang,
          t::add);
      long[] conversations = new long[3];
      // Conversation-days: counted once per day as they come (a conversation over midnight counts
      // on both days), so the figure is a sum over a few rows a day.
      query(
          c,
          "SELECT mark, SUM(n) FROM daily_conversations" + where + " GROUP BY mark",
          firstDay,
          lastDay,
          lang,
          r -> {
            int i =
                switch (r.getString(1)) {
                  case "turn" -> 0;
                  case "email" -> 1;
                  default -> 2;
                };
            conversations[i] = r.getLong(2);
          });
      // Entries and flow steps: far more rows a day than the totals, so the closed days' tally is
      // kept (while their totals show no change) and only the last day is read each time.
      EntryTally entries =
          closedDays(c, firstDay, lastDay - 1, lang).plus(entries(c, lastDay, lastDay, lang));
      long turns = conversations[0];
      return new InsightsReport(
          days,
          lang,
          t.traffic(turns),
          new InsightsReport.Escalation(
              t.support,
              conversations[1],
              new InsightsReport.Deflection(
                  share(conversations[2], turns),
                  share(turns - conversations[1], turns),
                  conversations[2])),
          new InsightsReport.Votes(t.helpful, t.unhelpful),
          share(t.helpful, t.helpful + t.unhelpful),
          t.days(),
          entries.top(TOP),
          entries.mostUnhelpful(TOP),
          entries.funnels(),
          recording);
    }
  }

  /** The entry tally of the days from {@code first} to {@code last}, from memory when unchanged. */
  private EntryTally closedDays(Connection c, long first, long last, String lang)
      throws SQLException {
    if (last < first) {
      return new EntryTally();
    }
    long[] fingerprint = new long[2];
    query(
        c,
        "SELECT COUNT(*), COALESCE(SUM(n), 0) FROM daily_totals"
            + " WHERE day >= ? AND day <= ?"
            + (lang == null ? "" : " AND lang = ?"),
        first,
        last,
        lang,
        r -> {
          fingerprint[0] = r.getLong(1);
          fingerprint[1] = r.getLong(2);
        });
    String key = first + "/" + last + "/" + lang;
    synchronized (closed) {
      Closed kept = closed.get(key);
      if (kept != null && kept.rows == fingerprint[0] && kept.events == fingerprint[1]) {
        return kept.tally;
      }
    }
    // Read after the fingerprint: a write in between makes the next fingerprint differ, never the
    // other way round, so a kept tally is never older than its fingerprint says.
    EntryTally tally = entries(c, first, last, lang);
    synchronized (closed) {
      closed.put(key, new Closed(fingerprint[0], fingerprint[1], tally));
    }
    return tally;
  }

  private static EntryTally entries(Connection c, long first, long last, String lang)
      throws SQLException {
    EntryTally tally = new EntryTally();
    query(
        c,
        "SELECT kind, reply_type, entry_id, flow_id, flow_step, flow_outcome, helpful, SUM(n) FROM daily_counts"
            + " WHERE day >= ? AND day <= ?"
            + (lang == null ? "" : " AND lang = ?")
            + " AND (kind IN ('pick', 'vote') OR reply_type IN ('answer', 'flow'))"
            + " GROUP BY kind, reply_type, entry_id, flow_id, flow_step, flow_outcome, helpful",
        first,
        last,
        lang,
        tally::add);
    return tally;
  }

  /**
   * A kept tally of closed days and the totals' row count and event sum it was read at: when either
   * differs an event was added to (or purged from) those days since.
   */
  private record Closed(long rows, long events, EntryTally tally) {}

  static Double share(long part, long whole) {
    return whole <= 0 ? null : round((double) part / whole);
  }

  static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  @FunctionalInterface
  interface Row {
    void read(ResultSet r) throws SQLException;
  }

  private static void query(
      Connection c, String sql, long firstDay, long lastDay, String lang, Row row)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, firstDay);
      s.setLong(2, lastDay);
      if (lang != null) {
        s.setString(3, lang);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          row.read(r);
        }
      }
    }
  }
}
