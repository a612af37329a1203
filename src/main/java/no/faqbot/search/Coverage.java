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

  private final QuestionWord asks;

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
   * Scratch for {@link #fit} and {@link #upperBound}, by position in {@link #distinctIds}: a search
   * measures candidates one at a time on one thread, so they are reused instead of allocated for
   * every candidate.
   */
  private final double[] outside;

  private final boolean[] inPhrasing;
  private final boolean[] inAnyPhrasing;

  /** The positions whose ids some phrasing of the entry holds; the first few are in use. */
  private final int[] present;

  /**
   * By term: its worth when none of its variants is in the phrasing measured, or -1 when one of
   * them is in some phrasing (then it is worked out per phrasing).
   */
  private final double[] outsideBest;

  /** What an entry explains: the matched weight of its best phrasing, and its best fit (0 to 1). */
  record Fit(double matched, double fit) {}

  Coverage(QueryPlan plan) {
    List<QueryTerm> terms = plan.terms();
    asks = plan.asks();
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
    inPhrasing = new boolean[distinct];
    inAnyPhrasing = new boolean[distinct];
    present = new int[distinct];
    outsideBest = new double[n];
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
    // What each term id is worth outside the phrasing being measured: the same for every phrasing.
    // Only the ids some phrasing holds (usually a few) need looking up in each phrasing, and a term
    // none of whose variants is in a phrasing is worth the same in all of them.
    TermIds any = entry.anyPhrasing();
    TermIds body = entry.body();
    int presentCount = 0;
    for (int k = 0; k < distinctIds.length; k++) {
      int id = distinctIds[k];
      inPhrasing[k] = false;
      inAnyPhrasing[k] = any.get(id);
      if (inAnyPhrasing[k]) {
        present[presentCount++] = k;
      }
      outside[k] = body.get(id) ? BODY_MATCH_WORTH : inAnyPhrasing[k] ? OTHER_PHRASING_WORTH : 0;
    }
    for (int i = 0; i < weights.length; i++) {
      double termBest = 0;
      boolean varies = false;
      for (int v = firsts[i]; v < firsts[i + 1]; v++) {
        int k = slots[v];
        varies |= inAnyPhrasing[k];
        termBest = Math.max(termBest, outside[k] * worths[v]);
      }
      outsideBest[i] = varies ? -1 : termBest;
    }
    double best = 0;
    double bestFit = 0;
    TermIds[] phrasings = entry.phrasings();
    // What a phrasing without any of the message's terms explains is the same for all of them
    // (only what lies outside it counts), and most of an entry's phrasings are such.
    double matchedByNone = -1;
    for (int p = 0; p < phrasings.length; p++) {
      TermIds phrasing = phrasings[p];
      int shared = 0;
      for (int x = 0; x < presentCount; x++) {
        int k = present[x];
        inPhrasing[k] = phrasing.get(distinctIds[k]);
        if (inPhrasing[k]) {
          shared++;
        }
      }
      double matched;
      if (shared > 0) {
        matched = matched(true);
      } else {
        if (matchedByNone < 0) {
          matchedByNone = matched(true);
        }
        matched = matchedByNone;
      }
      best = Math.max(best, matched);
      double fit = fit(matched, shared, entry.phrasingSizes()[p]);
      if (asks.telling() && entry.asks()[p] == asks) {
        fit += SAME_QUESTION_BONUS;
      }
      bestFit = Math.max(bestFit, fit);
    }
    // Each sentence of the answer is one more wording of the entry's subject, and merchants often
    // echo it: it fits like a phrasing (without the question-word bonus, since it asks nothing),
    // though what the entry explains, its coverage, stays that of its phrasings.
    TermIds[] sentences = entry.sentences();
    if (sentences.length == 0) {
      return new Fit(best, bestFit);
    }
    // No sentence explains more of the message than all of them together: with that as its
    // matched weight, a sentence that could not beat the best fit so far is not measured.
    entry.anySentence().mark(distinctIds, inPhrasing);
    double mostMatched = matched(false);
    for (int n = 0; n < sentences.length; n++) {
      // A sentence may hold terms no phrasing has, so every id is looked up.
      int shared = sentences[n].mark(distinctIds, inPhrasing);
      int size = entry.sentenceSizes()[n];
      if (shared > 0 && fit(mostMatched, shared, size) > bestFit) {
        // a sentence without the message's words fits no better than any phrasing
        bestFit = Math.max(bestFit, fit(matched(false), shared, size));
      }
    }
    return new Fit(best, bestFit);
  }

  /**
   * The message's weight the wording marked in {@code inPhrasing} explains: a term in it counts
   * fully, one elsewhere in the entry as {@code outside} says. {@code outsideBest} holds the worth
   * of terms none of whose variants is in any phrasing, the same for every phrasing, but not for an
   * answer sentence.
   */
  private double matched(boolean phrasing) {
    double matched = 0;
    for (int i = 0; i < weights.length; i++) {
      double termBest = phrasing ? outsideBest[i] : -1;
      if (termBest < 0) {
        termBest = 0;
        for (int v = firsts[i]; v < firsts[i + 1]; v++) {
          int k = slots[v];
          double worth = inPhrasing[k] ? 1.0 : outside[k];
          termBest = Math.max(termBest, worth * worths[v]);
        }
      }
      matched += termBest * weights[i];
    }
    return matched;
  }

  /**
   * How well a phrasing of {@code size} distinct terms, {@code shared} of them the message's, fits,
   * both ways: how much of the message it explains, and how much of the phrasing the message uses
   * (a phrasing mostly made of the message's words is a closer fit than a long one that happens to
   * contain them).
   */
  private double fit(double matched, int shared, int size) {
    double precision = size == 0 ? 0 : (double) shared / size;
    return total == 0 ? 0 : (1 - PRECISION_SHARE) * matched / total + PRECISION_SHARE * precision;
  }
}
