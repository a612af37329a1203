package no.faqbot.search;

/**
 * The matched weights of one entry's wordings by their pattern of shared terms (bits over the
 * message's terms the entry holds): most of an entry's phrasings share the same one or two terms
 * with a message, so each pattern is weighed once. Holds the first few patterns; a scratch for one
 * search.
 */
final class PatternWeights {
  private static final int SIZE = 16;

  private final long[] patterns = new long[SIZE];
  private final double[] weights = new double[SIZE];
  private int count;

  /** Forgets every pattern: for the next entry, or its sentences after its phrasings. */
  void clear() {
    count = 0;
  }

  /** The weight remembered for {@code pattern}, or NaN. */
  double get(long pattern) {
    for (int i = 0; i < count; i++) {
      if (patterns[i] == pattern) {
        return weights[i];
      }
    }
    return Double.NaN;
  }

  /** Remembers {@code weight} for {@code pattern} while there is room. */
  void put(long pattern, double weight) {
    if (count < SIZE) {
      patterns[count] = pattern;
      weights[count++] = weight;
    }
  }
}
