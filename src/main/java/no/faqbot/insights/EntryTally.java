package no.faqbot.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The insights' per-entry and per-flow-step counts of some days: answers given and picks per entry,
 * votes per entry, and how many reached each flow step. Tallies of different days add up, so the
 * closed days' tally can be kept and today's added to a copy of it. Keys are sorted, so equal
 * counts always list in the same order.
 */
final class EntryTally {
  /** Entry id to {unhelpful, helpful} votes. */
  final Map<String, long[]> votes = new TreeMap<>();

  /** Entry id to answers given and picks. */
  final Map<String, Long> given = new TreeMap<>();

  /** Flow id to step id to how many reached it. */
  final Map<String, Map<String, long[]>> steps = new TreeMap<>();

  /** "flow/step" to that step's outcome (resolved, email, ...). */
  final Map<String, String> outcomes = new TreeMap<>();

  /**
   * Adds one row of {@code SELECT kind, reply_type, entry_id, flow_id, flow_step, flow_outcome,
   * helpful, SUM(n)}.
   */
  void add(ResultSet r) throws SQLException {
    add(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getShort(7),
        r.getLong(8));
  }

  private void add(
      String kind,
      String replyType,
      String entryId,
      String flowId,
      String flowStep,
      String outcome,
      short helpful,
      long n) {
    if (kind.equals("vote") && !entryId.isEmpty()) {
      votes.computeIfAbsent(entryId, k -> new long[2])[helpful == 1 ? 1 : 0] += n;
    } else if (kind.equals("pick") || "answer".equals(replyType)) {
      if (!entryId.isEmpty()) {
        given.merge(entryId, n, Long::sum);
      }
    } else if (!flowId.isEmpty() && !flowStep.isEmpty()) {
      steps.computeIfAbsent(flowId, k -> new TreeMap<>())
              .computeIfAbsent(flowStep, k -> new long[1])[0] +=
          n;
      if (!outcome.isEmpty()) {
        outcomes.put(flowId + "/" + flowStep, outcome);
      }
    }
  }

  /** A new tally with this one's counts and {@code other}'s added. */
  EntryTally plus(EntryTally other) {
    EntryTally sum = new EntryTally();
    for (EntryTally t : new EntryTally[] {this, other}) {
      t.votes.forEach(
          (id, v) -> {
            long[] to = sum.votes.computeIfAbsent(id, k -> new long[2]);
            to[0] += v[0];
            to[1] += v[1];
          });
      t.given.forEach((id, n) -> sum.given.merge(id, n, Long::sum));
      t.steps.forEach(
          (flow, counts) ->
              counts.forEach(
                  (step, n) ->
                      sum.steps.computeIfAbsent(flow, k -> new TreeMap<>())
                              .computeIfAbsent(step, k -> new long[1])[0] +=
                          n[0]));
      sum.outcomes.putAll(t.outcomes);
    }
    return sum;
  }

  /** The {@code n} entries most given (answers and picks), most first. */
  List<InsightsReport.EntryCount> top(int n) {
    return given.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> new InsightsReport.EntryCount(e.getKey(), e.getValue()))
        .toList();
  }

  /** The {@code n} entries with the most "not helpful" votes, most first. */
  List<InsightsReport.EntryVotes> mostUnhelpful(int n) {
    return votes.entrySet().stream()
        .filter(e -> e.getValue()[0] > 0)
        .map(e -> new InsightsReport.EntryVotes(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparingLong(InsightsReport.EntryVotes::unhelpful).reversed())
        .limit(n)
        .toList();
  }

  /** Each flow's steps, most reached first, with the share lost from the step before. */
  List<InsightsReport.Funnel> funnels() {
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
                    previous <= 0 ? null : InsightsQueries.round(1 - (double) n / previous),
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
}
