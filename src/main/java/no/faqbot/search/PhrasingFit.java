package no.faqbot.search;

import static no.faqbot.search.Coverage.BODY_MATCH_WORTH;
import static no.faqbot.search.Coverage.OTHER_PHRASING_WORTH;
import static no.faqbot.search.Coverage.PRECISION_SHARE;
import static no.faqbot.search.Coverage.SAME_QUESTION_BONUS;

/**
 * How well one entry's best phrasing or answer sentence fits a message laid out by {@link
 * Coverage}, and how much of the message its best phrasing explains. Only the phrasings and
 * sentences that share a term with the message are measured one by one ({@link TermPlaces} says
 * which); the rest explain the same and fit alike. Not thread-safe: one search's own scratch.
 */
final class PhrasingFit {
  /** The message, laid out in flat arrays once. */
  private final Coverage message;

  private final QuestionWord asks;

  /**
   * By position in the message's term ids: worth outside the wording measured, and whether in it.
   */
  private final double[] outside;

  private final boolean[] inWording;
  private final boolean[] inAnyPhrasing;

  /** For the positions listed below: where the id is among the entry's {@link TermPlaces}. */
  private final int[] placeOf;

  /** The ids the entry's phrasings or sentences share with the message, ascending. */
  private final int[] sharedIds;

  /** Positions whose ids some phrasing holds, and those some sentence holds; the first few. */
  private final int[] inPhrasings;

  private final int[] inSentences;

  /** By term: its worth when no variant is in any phrasing, or -1 (see {@link #matched}). */
  private final double[] outsideBest;

  /** The shared terms of the wording last marked, as bits over the positions listed. */
  private long pattern;

  /** By listed position: the bits of the phrasings (or sentences) in the word being walked. */
  private final long[] masks;

  private final PatternWeights weights = new PatternWeights();

  /** The entry being measured: its best phrasing's matched weight, and its best fit so far. */
  private double bestMatched;

  private double bestFit;

  PhrasingFit(Coverage message, QuestionWord asks) {
    this.message = message;
    this.asks = asks;
    int distinct = message.termIds().length;
    outside = new double[distinct];
    inWording = new boolean[distinct];
    inAnyPhrasing = new boolean[distinct];
    placeOf = new int[distinct];
    sharedIds = new int[distinct];
    inPhrasings = new int[distinct];
    inSentences = new int[distinct];
    masks = new long[distinct];
    outsideBest = new double[message.termCount()];
  }

  Coverage.Fit of(EntryTerms entry) {
    // What each term id is worth outside the wording measured: the same for every wording. Only
    // the ids the entry's phrasings or sentences hold (usually a few) differ between wordings.
    TermIds any = entry.anyPhrasing();
    TermIds body = entry.body();
    TermIds anySentence = entry.anySentence();
    // Kept with the entry, or for one read when scored, worked out below for the shared ids only.
    TermPlaces places = entry.places();
    int[] distinctIds = message.termIds();
    int phrasingCount = 0;
    int sentenceCount = 0;
    int sharedCount = 0;
    for (int k = 0; k < distinctIds.length; k++) {
      int id = distinctIds[k];
      inWording[k] = false;
      boolean inAny = any.get(id);
      inAnyPhrasing[k] = inAny;
      boolean inSentence = anySentence.get(id);
      if (inAny || inSentence) {
        placeOf[k] = places != null ? places.indexOf(id) : sharedCount;
        sharedIds[sharedCount++] = id;
        if (inAny) {
          inPhrasings[phrasingCount++] = k;
        }
        if (inSentence) {
          inSentences[sentenceCount++] = k;
        }
      }
      outside[k] = body.get(id) ? BODY_MATCH_WORTH : inAny ? OTHER_PHRASING_WORTH : 0;
    }
    if (places == null) {
      places = TermPlaces.over(sharedIds, sharedCount, entry.phrasings(), entry.sentences());
    }
    for (int i = 0; i < message.termCount(); i++) {
      double termBest = 0;
      boolean varies = false;
      for (int v = message.firstVariant(i); v < message.firstVariant(i + 1); v++) {
        int k = message.slot(v);
        varies |= inAnyPhrasing[k];
        termBest = Math.max(termBest, outside[k] * message.worth(v));
      }
      outsideBest[i] = varies ? -1 : termBest;
    }
    bestMatched = 0;
    bestFit = 0;
    phrasings(entry, places, phrasingCount);
    if (entry.sentences().length > 0) {
      sentences(entry, places, phrasingCount, sentenceCount);
    }
    return new Coverage.Fit(bestMatched, bestFit);
  }

  /** The best matched weight and fit among the phrasings. */
  private void phrasings(EntryTerms entry, TermPlaces places, int present) {
    int count = entry.phrasings().length;
    int[] sizes = entry.phrasingSizes();
    QuestionWord[] asked = entry.asks();
    weights.clear();
    boolean sharedByNone = false; // some phrasing holds none of the message's terms
    boolean noneAsksAlike = false; // ... and one of those asks the message's kind of question
    for (int w = 0; w < places.phrasingWords(); w++) {
      long sharing = 0;
      for (int x = 0; x < present; x++) {
        masks[x] = places.phrasing(placeOf[inPhrasings[x]], w);
        sharing |= masks[x];
      }
      int last = Math.min(64, count - 64 * w);
      long none = ~sharing & (last == 64 ? -1L : (1L << last) - 1);
      if (none != 0) {
        sharedByNone = true;
        if (asks.telling()) {
          for (long bits = none; bits != 0 && !noneAsksAlike; bits &= bits - 1) {
            noneAsksAlike = asked[64 * w + Long.numberOfTrailingZeros(bits)] == asks;
          }
        }
      }
      for (long bits = sharing; bits != 0; bits &= bits - 1) {
        int bit = Long.numberOfTrailingZeros(bits);
        int p = 64 * w + bit;
        int shared = mark(inPhrasings, present, bit);
        double matched = matchedBy(inPhrasings, present, true);
        bestMatched = Math.max(bestMatched, matched);
        double fit = fit(matched, shared, sizes[p]);
        if (asks.telling() && asked[p] == asks) {
          fit += SAME_QUESTION_BONUS;
        }
        bestFit = Math.max(bestFit, fit);
      }
    }
    if (sharedByNone) {
      // A phrasing without any of the message's terms explains only what lies outside it, the
      // same for all such phrasings, and fits alike (no term of it is the message's).
      for (int x = 0; x < present; x++) {
        inWording[inPhrasings[x]] = false;
      }
      double matched = matched(true);
      bestMatched = Math.max(bestMatched, matched);
      double fit = fit(matched, 0, 1);
      bestFit = Math.max(bestFit, noneAsksAlike ? fit + SAME_QUESTION_BONUS : fit);
    }
  }

  /**
   * Each sentence of the answer is one more wording of the entry's subject, and merchants often
   * echo it: it fits like a phrasing (without the question-word bonus, since it asks nothing),
   * though what the entry explains, its coverage, stays that of its phrasings.
   */
  private void sentences(EntryTerms entry, TermPlaces places, int phrasingCount, int present) {
    for (int x = 0; x < phrasingCount; x++) {
      inWording[inPhrasings[x]] = false;
    }
    // No sentence explains more of the message than all of them together: with that as its
    // matched weight, a sentence that could not beat the best fit so far is not measured.
    for (int x = 0; x < present; x++) {
      inWording[inSentences[x]] = true;
    }
    double mostMatched = matched(false);
    int[] sizes = entry.sentenceSizes();
    weights.clear();
    for (int w = 0; w < places.sentenceWords(); w++) {
      long sharing = 0;
      for (int x = 0; x < present; x++) {
        masks[x] = places.sentence(placeOf[inSentences[x]], w);
        sharing |= masks[x];
      }
      for (long bits = sharing; bits != 0; bits &= bits - 1) {
        int bit = Long.numberOfTrailingZeros(bits);
        int n = 64 * w + bit;
        int shared = mark(inSentences, present, bit);
        if (fit(mostMatched, shared, sizes[n]) > bestFit) {
          bestFit =
              Math.max(bestFit, fit(matchedBy(inSentences, present, false), shared, sizes[n]));
        }
      }
    }
  }

  /**
   * Which of the {@code present} positions {@code listed} the wording at bit {@code bit} of the
   * current {@link #masks} holds, into {@link #pattern}; returns how many.
   */
  private int mark(int[] listed, int present, int bit) {
    if (present > 64) {
      // too many for a pattern's bits (never seen): mark them for {@link #matched} directly
      int shared = 0;
      for (int x = 0; x < present; x++) {
        inWording[listed[x]] = ((masks[x] >>> bit) & 1L) != 0;
        shared += inWording[listed[x]] ? 1 : 0;
      }
      return shared;
    }
    long marked = 0;
    for (int x = 0; x < present; x++) {
      marked |= ((masks[x] >>> bit) & 1L) << x;
    }
    pattern = marked;
    return Long.bitCount(marked);
  }

  /**
   * {@link #matched} for the wording just marked, whose shared terms are {@link #pattern} (bits
   * over the first {@code present} positions {@code listed}), worked out once for the wordings of
   * one entry that share the same terms.
   */
  private double matchedBy(int[] listed, int present, boolean phrasing) {
    if (present > 64) {
      return matched(phrasing);
    }
    double known = weights.get(pattern);
    if (!Double.isNaN(known)) {
      return known;
    }
    for (int x = 0; x < present; x++) {
      inWording[listed[x]] = ((pattern >>> x) & 1L) != 0;
    }
    double matched = matched(phrasing);
    weights.put(pattern, matched);
    return matched;
  }

  /**
   * The message's weight the wording marked in {@code inWording} explains: a term in it counts
   * fully, one elsewhere in the entry as {@code outside} says. {@code outsideBest} holds the worth
   * of terms none of whose variants is in any phrasing, the same for every phrasing, but not for an
   * answer sentence.
   */
  private double matched(boolean phrasing) {
    double matched = 0;
    for (int i = 0; i < message.termCount(); i++) {
      double termBest = phrasing ? outsideBest[i] : -1;
      if (termBest < 0) {
        termBest = 0;
        for (int v = message.firstVariant(i); v < message.firstVariant(i + 1); v++) {
          int k = message.slot(v);
          double worth = (inWording[k] ? 1.0 : outside[k]) * message.worth(v);
          if (worth > termBest) { // as Math.max: both are never NaN and never -0.0
            termBest = worth;
          }
        }
      }
      matched += termBest * message.weight(i);
    }
    return matched;
  }

  /**
   * How well a wording of {@code size} distinct terms, {@code shared} of them the message's, fits,
   * both ways: how much of the message it explains, and how much of the wording the message uses (a
   * phrasing mostly made of the message's words is a closer fit than a long one that happens to
   * contain them).
   */
  private double fit(double matched, int shared, int size) {
    double precision = size == 0 ? 0 : (double) shared / size;
    double total = message.total();
    return total == 0 ? 0 : (1 - PRECISION_SHARE) * matched / total + PRECISION_SHARE * precision;
  }
}
