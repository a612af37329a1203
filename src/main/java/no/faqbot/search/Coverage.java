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
 * because every candidate entry is measured against it.
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

  /** The message's terms: weight, and for each variant its term id and worth. */
  private final double[] weights;

  private final int[][] ids;
  private final double[][] worths;

  /** Every term id the message may match, each once. */
  private final int[] distinctIds;

  private final double total;

  /** What an entry explains: the matched weight of its best phrasing, and its best fit (0 to 1). */
  record Fit(double matched, double fit) {}

  Coverage(QueryPlan plan) {
    List<QueryTerm> terms = plan.terms();
    asks = plan.asks();
    int n = terms.size();
    weights = new double[n];
    ids = new int[n][];
    worths = new double[n][];
    int[] all = new int[16];
    int count = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      QueryTerm qt = terms.get(i);
      weights[i] = qt.weight();
      sum += qt.weight();
      List<Variant> variants = qt.variants();
      ids[i] = new int[variants.size()];
      worths[i] = new double[variants.size()];
      for (int j = 0; j < variants.size(); j++) {
        ids[i][j] = variants.get(j).id();
        worths[i][j] = variants.get(j).worth();
        if (count == all.length) {
          all = Arrays.copyOf(all, count * 2);
        }
        all[count++] = variants.get(j).id();
      }
    }
    Arrays.sort(all, 0, count);
    int distinct = 0;
    for (int k = 0; k < count; k++) {
      if (distinct == 0 || all[distinct - 1] != all[k]) {
        all[distinct++] = all[k];
      }
    }
    distinctIds = Arrays.copyOf(all, distinct);
    total = sum;
  }

  /** Every term id the message may match, each once, ascending. */
  int[] termIds() {
    return distinctIds;
  }

  /** The message's whole weight. */
  double total() {
    return total;
  }

  /** Coverage if every matched term were in the best phrasing: never less than the real one. */
  double upperBound(Vocabulary.EntryTerms entry) {
    if (total == 0) {
      return 0;
    }
    double matched = 0;
    for (int i = 0; i < ids.length; i++) {
      double best = 0;
      for (int j = 0; j < ids[i].length; j++) {
        int id = ids[i][j];
        double worth =
            entry.anyPhrasing().get(id) ? 1.0 : entry.body().get(id) ? BODY_MATCH_WORTH : 0;
        best = Math.max(best, worth * worths[i][j]);
      }
      matched += best * weights[i];
    }
    return matched / total;
  }

  Fit fit(Vocabulary.EntryTerms entry) {
    // What each variant is worth outside the phrasing being measured: the same for every phrasing.
    double[][] outside = new double[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      outside[i] = new double[ids[i].length];
      for (int j = 0; j < ids[i].length; j++) {
        int id = ids[i][j];
        outside[i][j] =
            entry.body().get(id)
                ? BODY_MATCH_WORTH
                : entry.anyPhrasing().get(id) ? OTHER_PHRASING_WORTH : 0;
      }
    }
    double best = 0;
    double bestFit = 0;
    TermIds[] phrasings = entry.phrasings();
    for (int p = 0; p < phrasings.length; p++) {
      double matched = matched(phrasings[p], outside);
      best = Math.max(best, matched);
      double fit = fit(matched, shared(phrasings[p]), entry.phrasingSizes()[p]);
      if (asks.telling() && entry.asks()[p] == asks) {
        fit += SAME_QUESTION_BONUS;
      }
      bestFit = Math.max(bestFit, fit);
    }
    // Each sentence of the answer is one more wording of the entry's subject, and merchants often
    // echo it: it fits like a phrasing (without the question-word bonus, since it asks nothing),
    // though what the entry explains, its coverage, stays that of its phrasings.
    TermIds[] sentences = entry.sentences();
    for (int s = 0; s < sentences.length; s++) {
      int shared = shared(sentences[s]);
      if (shared > 0) { // a sentence without the message's words fits no better than any phrasing
        double matched = matched(sentences[s], outside);
        bestFit = Math.max(bestFit, fit(matched, shared, entry.sentenceSizes()[s]));
      }
    }
    return new Fit(best, bestFit);
  }

  /**
   * The message's weight a phrasing explains: a term in it counts fully, one elsewhere in the entry
   * as {@code outside} says.
   */
  private double matched(TermIds phrasing, double[][] outside) {
    double matched = 0;
    for (int i = 0; i < ids.length; i++) {
      double termBest = 0;
      for (int j = 0; j < ids[i].length; j++) {
        double worth = phrasing.get(ids[i][j]) ? 1.0 : outside[i][j];
        termBest = Math.max(termBest, worth * worths[i][j]);
      }
      matched += termBest * weights[i];
    }
    return matched;
  }

  /** How many of the message's term ids {@code phrasing} uses. */
  private int shared(TermIds phrasing) {
    int shared = 0;
    for (int id : distinctIds) {
      if (phrasing.get(id)) {
        shared++;
      }
    }
    return shared;
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
