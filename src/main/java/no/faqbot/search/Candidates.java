package no.faqbot.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import no.faqbot.content.FaqEntry;

/**
 * The entries that match one message, each with a cheap upper bound of its coverage, and the fits
 * measured so far: ranking them for a filter scores fully only the best few by bound.
 *
 * <p>The bounds come straight from the index's postings, term by term ({@link
 * CandidateGatherer#gather}): each posting says whether a phrasing of its entry uses the term or
 * only the body does, which is all a bound needs, so no entry's own terms are looked at until it is
 * among the best few. Of the plain entries only the best {@link #KEPT} by bound are kept (a large
 * knowledge base has tens of thousands of candidates for a message of common words, and a ranking
 * walks past a handful); flows' triggers and out-of-scope examples, few, are all kept. A walk that
 * needs more plain entries than were kept gathers them all again. The picks, their order and ties
 * are those of ranking every candidate by bound, the earlier entry first among equals.
 */
final class Candidates {
  /** How many entries (out-of-scope examples aside) are scored fully. */
  static final int CANDIDATES = 6;

  /** Plain entries kept per message, best by bound: enough for every ranking the chat asks for. */
  static final int KEPT = 32;

  /** Kinds of entry, as bits: which a ranking can take (see {@link #best}). */
  static final int PLAIN = 1;

  static final int FLOW = 2;
  static final int OUT_OF_SCOPE = 4;
  static final int ANY = PLAIN | FLOW | OUT_OF_SCOPE;

  static final Candidates NONE =
      new Candidates(
          null, null, new int[0], new double[0], true, new int[0], new double[0], 0, null);

  private final Searchable docs;
  private final Coverage coverage;

  /** The plain entries kept (ordinals) and their bounds, best first. */
  private final int[] plain;

  private final double[] plainBounds;

  /** Whether {@link #plain} holds every plain candidate. */
  private final boolean everyPlain;

  /** Flows' triggers and out-of-scope examples that match (ordinals), and bounds, best first. */
  private final int[] special;

  private final double[] specialBounds;

  private final Coverage.Fit[] plainFits;
  private final Coverage.Fit[] specialFits;
  private final double rareTermIdf;

  /** The same message's candidates with every plain one kept, for a walk past {@link #plain}. */
  private final Supplier<Candidates> everyOne;

  Candidates(
      Searchable docs,
      Coverage coverage,
      int[] plain,
      double[] plainBounds,
      boolean everyPlain,
      int[] special,
      double[] specialBounds,
      double rareTermIdf,
      Supplier<Candidates> everyOne) {
    this.everyOne = everyOne;
    this.docs = docs;
    this.coverage = coverage;
    this.plain = plain;
    this.plainBounds = plainBounds;
    this.everyPlain = everyPlain;
    this.special = special;
    this.specialBounds = specialBounds;
    this.rareTermIdf = rareTermIdf;
    plainFits = new Coverage.Fit[plain.length];
    specialFits = new Coverage.Fit[special.length];
  }

  /**
   * Whether the candidate of {@code bound} and {@code ordinal} ranks before the other one: the
   * higher bound, and the earlier entry among equals.
   */
  static boolean ahead(double bound, int ordinal, double otherBound, int otherOrdinal) {
    return bound > otherBound || (bound == otherBound && ordinal < otherOrdinal);
  }

  /** The kind of {@code entry}: {@link #PLAIN}, {@link #FLOW} or {@link #OUT_OF_SCOPE}. */
  static byte kindOf(FaqEntry entry) {
    return (byte) (entry.isFlowTrigger() ? FLOW : entry.isOutOfScope() ? OUT_OF_SCOPE : PLAIN);
  }

  /**
   * The hits that pass {@code filter}, best first, at most {@code limit}; {@code kinds} (bits of
   * {@link #PLAIN}, {@link #FLOW}, {@link #OUT_OF_SCOPE}) says which kinds {@code filter} can pass,
   * so a ranking of flows alone never walks the plain entries.
   */
  List<SearchHit> best(int limit, Predicate<FaqEntry> filter, int kinds) {
    if (plain.length == 0 && special.length == 0) {
      return List.of();
    }
    FaqEntry[] entries = docs.entries();
    byte[] kindOf = docs.kinds();
    List<SearchHit> hits = new ArrayList<>();
    // In order of bound, the earlier entry first among equals: the best few are scored fully.
    // Out-of-scope examples compete without taking an entry's place among the few.
    boolean plainToo = (kinds & PLAIN) != 0;
    int p = plainToo ? 0 : plain.length;
    int s = 0;
    int budget = Math.max(CANDIDATES, limit);
    while (budget > 0) {
      while (s < special.length && (kinds & kindOf[special[s]]) == 0) {
        s++;
      }
      boolean morePlain = p < plain.length;
      if (plainToo && !morePlain && !everyPlain) {
        // past the plain entries kept, and some were not: rank again with all of them
        return everyOne.get().best(limit, filter, kinds);
      }
      boolean moreSpecial = s < special.length;
      if (!morePlain && !moreSpecial) {
        break; // every candidate that passes is taken
      }
      int ordinal;
      double bound;
      Coverage.Fit fit;
      if (morePlain
          && (!moreSpecial || ahead(plainBounds[p], plain[p], specialBounds[s], special[s]))) {
        ordinal = plain[p];
        bound = plainBounds[p];
        if (!filter.test(entries[ordinal])) {
          p++;
          continue;
        }
        if (plainFits[p] == null) {
          plainFits[p] = coverage.fit(docs.terms(ordinal));
        }
        fit = plainFits[p++];
      } else {
        ordinal = special[s];
        bound = specialBounds[s];
        if (!filter.test(entries[ordinal])) {
          s++;
          continue;
        }
        if (specialFits[s] == null) {
          specialFits[s] = coverage.fit(docs.terms(ordinal));
        }
        fit = specialFits[s++];
      }
      if (kindOf[ordinal] != OUT_OF_SCOPE) {
        budget--;
      }
      double share = coverage.total() == 0 ? 0 : fit.matched() / coverage.total();
      if (share > 0) {
        hits.add(
            new SearchHit(entries[ordinal], fit.fit(), share, fit.matched() / rareTermIdf, bound));
      }
    }
    // Best fit first; on a tie a flow wins: a described problem is better met by guided help.
    hits.sort(BY_SCORE_FLOWS_FIRST);
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  /** For tests: every candidate kept, plain ones first, each with its bound. */
  java.util.Map<Integer, Double> bounds() {
    java.util.Map<Integer, Double> bounds = new java.util.LinkedHashMap<>();
    for (int i = 0; i < plain.length; i++) {
      bounds.put(plain[i], plainBounds[i]);
    }
    for (int i = 0; i < special.length; i++) {
      bounds.put(special[i], specialBounds[i]);
    }
    return bounds;
  }

  private static final Comparator<SearchHit> BY_SCORE_FLOWS_FIRST =
      Comparator.comparingDouble(SearchHit::score)
          .reversed()
          .thenComparing(h -> h.entry().flow() == null);
}
