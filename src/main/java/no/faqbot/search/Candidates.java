package no.faqbot.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import no.faqbot.content.FaqEntry;

/**
 * The entries that match one message, each with a cheap upper bound of its coverage, and the fits
 * measured so far: ranking them for a filter scores fully only the best few by bound. When most of
 * a large knowledge base matches, the bounds themselves are only worked out for the entries that
 * can be among the best few: entries that use the same of the message's ids share a bound of their
 * bounds ({@link Coverage#bound}), and a group whose shared bound is below the best bound found so
 * far is never measured. The picks, their order and ties are the same as measuring every entry.
 */
final class Candidates {
  /** How many entries (out-of-scope examples aside) are scored fully. */
  private static final int CANDIDATES = 6;

  /**
   * Below this many candidates all are measured at once: grouping costs more than it saves there.
   * (The eval sets give byte-identical output with grouping from 0 candidates too.)
   */
  static final int GROUPED_FROM = 256;

  /** Grouping by the ids used is worked out by a table when a message has at most this many. */
  private static final int TABLE_IDS = 12;

  /** With more ids, entries are grouped by sorting their masks, for up to this many entries. */
  private static final int SORTED_ENTRIES = 8_192;

  private final SearchIndex.Searchable docs;
  private final Coverage coverage;
  private final int[] matched;
  private final long[] uses;
  private final int words;

  /** By candidate: its bound, NaN until measured. */
  private final double[] bounds;

  private final Coverage.Fit[] fits;
  private final double rareTermIdf;

  /** Candidates by group, groups in descending order of their shared bound. */
  private final int[] order;

  /** Where each group ends in {@link #order}, and the bound its entries' bounds do not exceed. */
  private final int[] groupEnds;

  private final double[] groupBounds;

  /**
   * {@code uses}: for each of {@code matched}, {@code words} longs of bits saying which of the
   * message's ids its postings hold (see {@link Coverage#upperBound(EntryTerms, long[], int)}), or
   * null.
   */
  Candidates(
      SearchIndex.Searchable docs,
      Coverage coverage,
      int[] matched,
      long[] uses,
      int words,
      double rareTermIdf) {
    this.docs = docs;
    this.coverage = coverage;
    this.matched = matched;
    this.uses = uses;
    this.words = words;
    this.rareTermIdf = rareTermIdf;
    int n = matched.length;
    bounds = new double[n];
    fits = new Coverage.Fit[n];
    int ids = coverage == null ? 0 : coverage.termIds().length;
    if (n >= Math.max(GROUPED_FROM, 1)
        && uses != null
        && words == 1
        && (ids <= TABLE_IDS || n <= SORTED_ENTRIES)) {
      Arrays.fill(bounds, Double.NaN);
      long[] keys = distinct(ids);
      double[] keyBounds = new double[keys.length];
      Integer[] byBound = new Integer[keys.length];
      for (int d = 0; d < keys.length; d++) {
        keyBounds[d] = coverage.bound(keys[d]);
        byBound[d] = d;
      }
      Arrays.sort(byBound, (a, b) -> Double.compare(keyBounds[b], keyBounds[a]));
      int[] groupOfKey = new int[keys.length];
      groupBounds = new double[keys.length];
      for (int g = 0; g < keys.length; g++) {
        groupOfKey[byBound[g]] = g;
        groupBounds[g] = keyBounds[byBound[g]];
      }
      int[] keyOf = new int[n];
      groupEnds = new int[keys.length];
      for (int i = 0; i < n; i++) {
        keyOf[i] = Arrays.binarySearch(keys, uses[i]);
        groupEnds[groupOfKey[keyOf[i]]]++;
      }
      for (int g = 1; g < groupEnds.length; g++) {
        groupEnds[g] += groupEnds[g - 1];
      }
      int[] next = new int[keys.length]; // where each group's next candidate goes
      for (int g = 1; g < next.length; g++) {
        next[g] = groupEnds[g - 1];
      }
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[next[groupOfKey[keyOf[i]]]++] = i; // ascending within a group
      }
    } else {
      // one group of every candidate, measured now
      for (int i = 0; i < n; i++) {
        bounds[i] = coverage.upperBound(docs.terms()[matched[i]], uses, i * words);
      }
      order = new int[n];
      Arrays.setAll(order, i -> i);
      groupEnds = new int[] {n};
      groupBounds = new double[] {Double.POSITIVE_INFINITY};
    }
  }

  /** The distinct masks among the candidates', ascending. */
  private long[] distinct(int ids) {
    if (ids <= TABLE_IDS) {
      boolean[] seen = new boolean[1 << ids];
      int count = 0;
      for (long mask : uses) {
        if (!seen[(int) mask]) {
          seen[(int) mask] = true;
          count++;
        }
      }
      long[] keys = new long[count];
      for (int mask = 0, d = 0; mask < seen.length; mask++) {
        if (seen[mask]) {
          keys[d++] = mask;
        }
      }
      return keys;
    }
    long[] sorted = uses.clone();
    Arrays.sort(sorted);
    int count = 0;
    for (int k = 0; k < sorted.length; k++) {
      if (count == 0 || sorted[count - 1] != sorted[k]) {
        sorted[count++] = sorted[k];
      }
    }
    return Arrays.copyOf(sorted, count);
  }

  /** The hits that pass {@code filter}, best first, at most {@code limit}. */
  List<SearchHit> best(int limit, Predicate<FaqEntry> filter) {
    if (matched.length == 0) {
      return List.of();
    }
    FaqEntry[] entries = docs.entries();
    List<SearchHit> hits = new ArrayList<>();
    // The best few by bound, the earlier entry first among equals; the rest need no order.
    // Out-of-scope examples compete without taking an entry's place among the few. A group is
    // measured before a pick while its shared bound could match the best bound measured.
    int[] ready = new int[16];
    int readyCount = 0;
    int group = 0;
    int budget = Math.max(CANDIDATES, limit);
    while (budget > 0) {
      int pick = bestOf(ready, readyCount);
      while (group < groupEnds.length && (pick < 0 || groupBounds[group] >= bounds[ready[pick]])) {
        for (int x = group == 0 ? 0 : groupEnds[group - 1]; x < groupEnds[group]; x++) {
          int i = order[x];
          if (filter.test(entries[matched[i]])) {
            if (Double.isNaN(bounds[i])) {
              bounds[i] = coverage.upperBound(docs.terms()[matched[i]], uses, i * words);
            }
            if (readyCount == ready.length) {
              ready = Arrays.copyOf(ready, readyCount * 2);
            }
            ready[readyCount++] = i;
          }
        }
        group++;
        pick = bestOf(ready, readyCount);
      }
      if (pick < 0) {
        break; // every candidate that passes is taken
      }
      int i = ready[pick];
      ready[pick] = ready[--readyCount];
      FaqEntry entry = entries[matched[i]];
      if (!entry.isOutOfScope()) {
        budget--;
      }
      if (fits[i] == null) {
        fits[i] = coverage.fit(docs.terms()[matched[i]]);
      }
      Coverage.Fit fit = fits[i];
      double share = coverage.total() == 0 ? 0 : fit.matched() / coverage.total();
      if (share > 0) {
        hits.add(new SearchHit(entry, fit.fit(), share, fit.matched() / rareTermIdf, bounds[i]));
      }
    }
    // Best fit first; on a tie a flow wins: a described problem is better met by guided help.
    hits.sort(BY_SCORE_FLOWS_FIRST);
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  /** Where in {@code ready} the candidate of the highest bound is, the earliest among equals. */
  private int bestOf(int[] ready, int count) {
    int best = -1;
    for (int x = 0; x < count; x++) {
      int i = ready[x];
      if (best < 0
          || bounds[i] > bounds[ready[best]]
          || (bounds[i] == bounds[ready[best]] && i < ready[best])) {
        best = x;
      }
    }
    return best;
  }

  private static final Comparator<SearchHit> BY_SCORE_FLOWS_FIRST =
      Comparator.comparingDouble(SearchHit::score)
          .reversed()
          .thenComparing(h -> h.entry().flow() == null);
}
