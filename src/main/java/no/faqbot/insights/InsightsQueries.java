package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.faqbot.store.Store;

/**
 * Computes {@link InsightsReport} from the per-day counts ({@code daily_counts}, {@code
 * daily_conversations}) that every insert keeps up to date: a few thousand rows for a month however
 * many events it had. Whole UTC days; the same SQL on SQLite and PostgreSQL.
 */
public final class InsightsQueries {
  static final long DAY = 86_400_000L;
  static final Set<String> OUT_OF_SCOPE = Set.of("out_of_scope", "outofscope", "out-of-scope");
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
      Totals t = new Totals();
      TreeMap<Long, long[]> perDay = new TreeMap<>();
      for (long d = firstDay; d <= lastDay; d++) {
        perDay.put(d, new long[4]);
      }
      query(
          c,
          "SELECT day, kind, reply_type, flow_outcome, helpful, has_message, SUM(n) FROM daily_totals"
              + where
              + " GROUP BY day, kind, reply_type, flow_outcome, helpful, has_message",
          firstDay,
          lastDay,
          lang,
          r -> t.add(r, perDay));
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
      List<InsightsReport.EntryCount> top = new ArrayList<>();
      entries.given.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(TOP)
          .forEach(e -> top.add(new InsightsReport.EntryCount(e.getKey(), e.getValue())));
      List<InsightsReport.EntryVotes> unhelpful =
          entries.votes.entrySet().stream()
              .filter(e -> e.getValue()[0] > 0)
              .map(e -> new InsightsReport.EntryVotes(e.getKey(), e.getValue()[0], e.getValue()[1]))
              .sorted(Comparator.comparingLong(InsightsReport.EntryVotes::unhelpful).reversed())
              .limit(TOP)
              .toList();
      long turns = conversations[0];
      return new InsightsReport(
          days,
          lang,
          turns,
          t.messages,
          new InsightsReport.Replies(
              t.answered, t.suggested, t.fellBack, t.outOfScope, t.smallTalk, t.flow),
          new InsightsReport.Flows(t.flowsStarted, t.resolved, t.toEmail),
          t.support,
          conversations[1],
          new InsightsReport.Deflection(
              share(conversations[2], turns),
              share(turns - conversations[1], turns),
              conversations[2]),
          new InsightsReport.Votes(t.helpful, t.unhelpful),
          share(t.helpful, t.helpful + t.unhelpful),
          days(perDay),
          top,
          unhelpful,
          funnels(entries.steps, entries.outcomes),
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

  private static List<InsightsReport.Day> days(TreeMap<Long, long[]> perDay) {
    List<InsightsReport.Day> days = new ArrayList<>();
    perDay.forEach(
        (d, v) ->
            days.add(
                new InsightsReport.Day(
                    LocalDate.ofEpochDay(d).toString(), v[0], v[1], v[2], v[3])));
    return days;
  }

  private static List<InsightsReport.Funnel> funnels(
      Map<String, Map<String, long[]>> steps, Map<String, String> outcomes) {
    List<InsightsReport.Funnel> funnels = new ArrayList<>();
    steps.forEach(
        (flow, counts) -> {
          List<Map.Entry<String, long[]>> ordered =
              counts.entrySet().stream()
                  .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                  .toList();
          List<InsightsReport.FunnelStep> out = new ArrayList<>();
          long previous = -1;
          for (Map.Entry<String, long[]> e : ordered) {
            long n = e.getValue()[0];
            out.add(
                new InsightsReport.FunnelStep(
                    e.getKey(),
                    n,
                    previous <= 0 ? null : round(1 - (double) n / previous),
                    outcomes.get(flow + "/" + e.getKey())));
            previous = n;
          }
          funnels.add(new InsightsReport.Funnel(flow, out));
        });
    funnels.sort(
        Comparator.comparingLong((InsightsReport.Funnel f) -> f.steps().get(0).reached())
            .reversed());
    return funnels;
  }

  static Double share(long part, long whole) {
    return whole <= 0 ? null : round((double) part / whole);
  }

  private static double round(double d) {
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

  /** Sums of the per-day query. */
  private static final class Totals {
    long messages,
        answered,
        suggested,
        fellBack,
        outOfScope,
        smallTalk,
        flow,
        flowsStarted,
        resolved,
        toEmail;
    long support, helpful, unhelpful;

    void add(ResultSet r, TreeMap<Long, long[]> perDay) throws SQLException {
      long day = r.getLong(1);
      String kind = r.getString(2);
      String type = r.getString(3);
      String outcome = r.getString(4);
      short vote = r.getShort(5);
      boolean voted = vote >= 0;
      boolean hasMessage = r.getShort(6) == 1;
      long n = r.getLong(7);
      long[] d = perDay.computeIfAbsent(day, k -> new long[4]);
      switch (kind) {
        case "turn" -> {
          if (hasMessage) {
            messages += n;
            d[0] += n;
          }
          if ("answer".equals(type)) {
            answered += n;
            d[1] += n;
          } else if ("suggestions".equals(type)) {
            suggested += n;
            d[2] += n;
          } else if ("fallback".equals(type)) {
            fellBack += n;
            d[3] += n;
          } else if (OUT_OF_SCOPE.contains(type)) {
            outOfScope += n;
            d[3] += n;
          } else if ("smalltalk".equals(type)) {
            smallTalk += n;
          } else if ("flow".equals(type)) {
            flow += n;
            flowsStarted += hasMessage ? n : 0;
            resolved += "resolved".equals(outcome) ? n : 0;
            toEmail += "email".equals(outcome) ? n : 0;
          }
        }
        case "vote" -> {
          if (voted && vote == 1) {
            helpful += n;
          } else if (voted) {
            unhelpful += n;
          }
        }
        case "support_prepared", "support_sent" -> support += n;
        default -> {}
      }
    }
  }
}
