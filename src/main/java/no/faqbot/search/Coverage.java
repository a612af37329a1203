package no.faqbot.search;

import java.util.Arrays;
import java.util.List;
import no.faqbot.search.QueryPlan.QueryTerm;
import no.faqbot.search.QueryPlan.Variant;

/**
 * How much of one message an entry explains, measured against the entry's best-fitting phrasing
 * (its question or one alternative): a term in that phrasing counts fully, one only in the answer,
 * tags or another phrasing counts less. Taking the union of all phrasings instead would let long
 * lists of alternatives match anything. The plan is laid out in flat arrays once per message,
 * because every candidate entry is measured against it. Not thread-safe: one search's own.
 */
final class Coverage {
  /** A term found only in the answer text explains the message less than one in the question. */
  static final double BODY_MATCH_WORTH = 0.75;

  /** A term from another phrasing of the same entry: related wording, weaker evidence. */
  static final double OTHER_PHRASING_WORTH = 0.6;

  /** In the fit of a phrasing, how much counts how much of the phrasing the message uses. */
  static final double PRECISION_SHARE = 0.3;

  /**
   * Added to the fit of a phrasing that asks the same kind of question as the message (how / why /
   * when ...): on equal words, "hvordan ..." is better met by a how-question than a why-question.
   */
  static final double SAME_QUESTION_BONUS = 0.05;

  /** The message's terms: weight, and where its variants are in the flat arrays below. */
  private final double[] weights;

  /** Term i's variants are at positions {@code firsts[i]} to {@code firsts[i + 1] - 1}. */
  private final int[] firsts;

  /** For each variant: its position in {@link #distinctIds}, and its worth. */
  private final int[] slots;

  private final double[] worths;

  /** Every term id the message may match, each once. */
  private final int[] distinctIds;

  private final double total;

  /**
   * Scratch for {@link #upperBound}, by position in {@link #distinctIds}: a search measures
   * candidates one at a time on one thread, so it is reused instead of allocated for every
   * candidate.
   */
  private final double[] outside;

  /** Measures each candidate's fit, with its own scratch. */
  private final PhrasingFit phrasingFit;

  /** What an entry explains: the matched weight of its best phrasing, and its best fit (0 to 1). */
  record Fit(double matched, double fit) {}

  Coverage(QueryPlan plan) {
    List<QueryTerm> terms = plan.terms();
    int n = terms.size();
    weights = new double[n];
    firsts = new int[n + 1];
    int variantCount = 0;
    for (QueryTerm qt : terms) {
      variantCount += qt.variants().size();
    }
    int[] variantIds = new int[variantCount];
    worths = new double[variantCount];
    int v = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      QueryTerm qt = terms.get(i);
      weights[i] = qt.weight();
      sum += qt.weight();
      firsts[i] = v;
      for (Variant variant : qt.variants()) {
        variantIds[v] = variant.id();
        worths[v] = variant.worth();
        v++;
      }
    }
    firsts[n] = v;
    int[] all = variantIds.clone();
    Arrays.sort(all);
    int distinct = 0;
    for (int k = 0; k < all.length; k++) {
      if (distinct == 0 || all[distinct - 1] != all[k]) {
        all[distinct++] = all[k];
      }
    }
    distinctIds = Arrays.copyOf(all, distinct);
    slots = new int[variantCount];
    for (int k = 0; k < variantCount; k++) {
      slots[k] = Arrays.binarySearch(distinctIds, variantIds[k]);
    }
    total = sum;
    outside = new double[distinct];
    phrasingFit = new PhrasingFit(this, plan.asks());
  }

  /** Every term id the message may match, each once, ascending. */
  int[] termIds() {
    return distinctIds;
  }

  /** The message's whole weight. */
  double total() {
    return total;
  }

  /** How many terms the message has. */
  int termCount() {
    return weights.length;
  }

  /** Term {@code i}'s weight. */
  double weight(int i) {
    return weights[i];
  }

  /** Term {@code i}'s variants are {@code firstVariant(i)} to {@code firstVariant(i + 1) - 1}. */
  int firstVariant(int i) {
    return firsts[i];
  }

  /** Variant {@code v}'s position in {@link #termIds}. */
  int slot(int v) {
    return slots[v];
  }

  /** What a match on variant {@code v} is worth (1 = exact). */
  double worth(int v) {
    return worths[v];
  }

  /**
   * Coverage if every matched term were in the best phrasing: never less than the real one. A term
   * some phrasing of the entry uses counts fully, one only its answer, tags or section use counts
   * {@link #BODY_MATCH_WORTH}, each term by its best variant, summed in the message's order. {@link
   * Candidates} works out the same sums from the index's postings, term by term in the same order,
   * so its bounds are these to the last bit; this is the definition it is tested against.
   */
  double upperBound(EntryTerms entry) {
    if (total == 0) {
      return 0;
    }
    TermIds any = entry.anyPhrasing();
    TermIds body = entry.body();
    for (int k = 0; k < distinctIds.length; k++) {
      int id = distinctIds[k];
      outside[k] = any.get(id) ? 1.0 : body.get(id) ? BODY_MATCH_WORTH : 0;
    }
    double matched = 0;
    for (int i = 0; i < weights.length; i++) {
      double best = 0;
      for (int v = firsts[i]; v < firsts[i + 1]; v++) {
        best = Math.max(best, outside[slots[v]] * worths[v]);
      }
      matched += best * weights[i];
    }
    return matched / total;
  }

  Fit fit(EntryTerms entry) {
    return phrasingFit.of(entry);
  }
}
