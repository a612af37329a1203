package no.faqbot.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums of the per-day totals ({@code daily_totals}) of a period: messages and replies by type,
 * flows, votes and support e-mails, and each day's messages by outcome for the chart.
 */
final class DailyTotals {
  static final Set<String> OUT_OF_SCOPE = Set.of("out_of_scope", "outofscope", "out-of-scope");

  /** Day to {messages, answered, suggested, fell back or out of scope}. */
  private final TreeMap<Long, long[]> perDay = new TreeMap<>();

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

  /** Every day from {@code firstDay} to {@code lastDay} (epoch days) is charted, even empty. */
  DailyTotals(long firstDay, long lastDay) {
    for (long d = firstDay; d <= lastDay; d++) {
      perDay.put(d, new long[4]);
    }
  }

  /**
   * Adds one row of {@code SELECT day, kind, reply_type, flow_outcome, helpful, has_message,
   * SUM(n)}.
   */
  void add(ResultSet r) throws SQLException {
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

  /** The messages and replies, in {@code conversations}. */
  InsightsReport.Traffic traffic(long conversations) {
    return new InsightsReport.Traffic(
        conversations,
        messages,
        new InsightsReport.Replies(answered, suggested, fellBack, outOfScope, smallTalk, flow),
        new InsightsReport.Flows(flowsStarted, resolved, toEmail));
  }

  /** Each day's messages by outcome, oldest first. */
  List<InsightsReport.Day> days() {
    List<InsightsReport.Day> days = new ArrayList<>();
    perDay.forEach(
        (d, v) ->
            days.add(
                new InsightsReport.Day(
                    LocalDate.ofEpochDay(d).toString(), v[0], v[1], v[2], v[3])));
    return days;
  }
}
