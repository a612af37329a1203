package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.faqbot.search.QueryPlan.QueryTerm;
import no.faqbot.search.QueryPlan.Variant;
import org.junit.jupiter.api.Test;

/**
 * {@link PhrasingFit} measures only the phrasings and sentences sharing a term with the message,
 * and remembers weights per pattern of shared terms; its fits must be those of measuring every
 * phrasing and sentence in full, to the last bit (the rankings and ties depend on it).
 */
class PhrasingFitTest {
  @Test
  void every_fit_is_that_of_measuring_each_phrasing_and_sentence_in_full() {
    Random random = new Random(20261208);
    int checked = 0;
    for (int round = 0; round < 3000; round++) {
      // Small vocabularies make shared terms common; some entries have over 64 phrasings or
      // sentences, so the bits take more than one word per term.
      // A few wide rounds: a long message sharing over 64 terms with one entry.
      boolean wide = round % 50 == 0;
      int vocabulary = wide ? 120 : 8 + random.nextInt(60);
      EntryTerms entry = entry(random, vocabulary, wide ? 60 : 6);
      QueryPlan plan = plan(random, vocabulary, wide ? 40 : 8);
      Coverage coverage = new Coverage(plan);
      Coverage.Fit expected = reference(plan, entry);
      // read when scored (the bits of the shared terms only), and kept in memory (all bits)
      for (EntryTerms terms : List.of(entry, entry.withPlaces())) {
        Coverage.Fit fit = coverage.fit(terms);
        String what = (terms.places() == null ? "read" : "kept") + ", round " + round;
        assertEquals(expected.matched(), fit.matched(), 0.0, "matched, " + what);
        assertEquals(expected.fit(), fit.fit(), 0.0, "fit, " + what);
      }
      Coverage.Fit fit = coverage.fit(entry);
      checked += fit.fit() > 0 ? 1 : 0;
    }
    assertEquals(true, checked > 1000, "most rounds share terms: " + checked);
  }

  private static EntryTerms entry(Random random, int vocabulary, int phrasingTerms) {
    int phrasingCount = 1 + random.nextInt(random.nextInt(8) == 0 ? 140 : 20);
    int[][] phrasings = new int[phrasingCount][];
    QuestionWord[] asks = new QuestionWord[phrasingCount];
    for (int p = 0; p < phrasingCount; p++) {
      phrasings[p] = ids(random, vocabulary, 1 + random.nextInt(phrasingTerms));
      asks[p] = QuestionWord.values()[random.nextInt(QuestionWord.values().length)];
    }
    int sentenceCount = random.nextInt(random.nextInt(8) == 0 ? 100 : 6);
    int[][] sentences = new int[sentenceCount][];
    for (int s = 0; s < sentenceCount; s++) {
      sentences[s] = ids(random, vocabulary, 1 + random.nextInt(10));
    }
    int[] body = ids(random, vocabulary, random.nextInt(vocabulary));
    return EntryTerms.of(phrasings, asks, body, sentences);
  }

  private static QueryPlan plan(Random random, int vocabulary, int maxTerms) {
    List<QueryTerm> terms = new ArrayList<>();
    int count = 1 + random.nextInt(maxTerms);
    for (int i = 0; i < count; i++) {
      List<Variant> variants = new ArrayList<>();
      int variantCount = random.nextInt(5); // an unknown term has none
      for (int v = 0; v < variantCount; v++) {
        double worth = v == 0 ? 1.0 : 0.5 + random.nextInt(5) / 10.0;
        variants.add(new Variant("t" + v, random.nextInt(vocabulary), worth));
      }
      terms.add(new QueryTerm("w" + i, 0.5 + random.nextDouble() * 3, variants));
    }
    QuestionWord asks = QuestionWord.values()[random.nextInt(QuestionWord.values().length)];
    return new QueryPlan("nb", terms, asks);
  }

  /** Distinct ids, ascending as the analysis file keeps them. */
  private static int[] ids(Random random, int vocabulary, int count) {
    return random.ints(count, 0, vocabulary).distinct().sorted().toArray();
  }

  /** Every phrasing and every sentence measured in full, each term by its best variant. */
  private static Coverage.Fit reference(QueryPlan plan, EntryTerms entry) {
    double total = 0;
    for (QueryTerm t : plan.terms()) {
      total += t.weight();
    }
    double best = 0;
    double bestFit = 0;
    for (int p = 0; p < entry.phrasings().length; p++) {
      TermIds phrasing = entry.phrasings()[p];
      double matched = matched(plan, entry, phrasing);
      best = Math.max(best, matched);
      double fit = fit(matched, shared(plan, phrasing), entry.phrasingSizes()[p], total);
      if (plan.asks().telling() && entry.asks()[p] == plan.asks()) {
        fit += Coverage.SAME_QUESTION_BONUS;
      }
      bestFit = Math.max(bestFit, fit);
    }
    for (int n = 0; n < entry.sentences().length; n++) {
      TermIds sentence = entry.sentences()[n];
      int shared = shared(plan, sentence);
      if (shared > 0) {
        double matched = matched(plan, entry, sentence);
        bestFit = Math.max(bestFit, fit(matched, shared, entry.sentenceSizes()[n], total));
      }
    }
    return new Coverage.Fit(best, bestFit);
  }

  private static double matched(QueryPlan plan, EntryTerms entry, TermIds wording) {
    double matched = 0;
    for (QueryTerm t : plan.terms()) {
      double termBest = 0;
      for (Variant v : t.variants()) {
        int id = v.id();
        double worth =
            wording.get(id)
                ? 1.0
                : entry.body().get(id)
                    ? Coverage.BODY_MATCH_WORTH
                    : entry.anyPhrasing().get(id) ? Coverage.OTHER_PHRASING_WORTH : 0;
        termBest = Math.max(termBest, worth * v.worth());
      }
      matched += termBest * t.weight();
    }
    return matched;
  }

  /** How many of the message's distinct ids {@code wording} holds. */
  private static int shared(QueryPlan plan, TermIds wording) {
    return (int)
        plan.terms().stream()
            .flatMap(t -> t.variants().stream())
            .mapToInt(Variant::id)
            .distinct()
            .filter(wording::get)
            .count();
  }

  private static double fit(double matched, int shared, int size, double total) {
    double precision = size == 0 ? 0 : (double) shared / size;
    return total == 0
        ? 0
        : (1 - Coverage.PRECISION_SHARE) * matched / total + Coverage.PRECISION_SHARE * precision;
  }
}
