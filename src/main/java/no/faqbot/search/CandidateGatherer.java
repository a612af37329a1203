package no.faqbot.search;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Gathers one message's {@link Candidates} from the index's postings, term by term: each posting
 * says whether a phrasing of its entry uses the term or only the body does, which is all an entry's
 * bound needs, so no entry's own terms are looked at here. Of the plain entries the best {@code
 * keep} by bound are kept in a heap; flows' triggers and out-of-scope examples, few, all.
 */
final class CandidateGatherer {
  private CandidateGatherer() {}

  /**
   * Per thread: what {@link #gather} adds up, by entry (ordinal less the language's first), all
   * zero between messages; one message's walk touches few of a large knowledge base's entries.
   */
  static final class Scratch {
    final double[] sums;
    final double[] best;
    final long[] picked;
    int[] touched = new int[256];
    int[] termTouched = new int[256];

    Scratch(int entries) {
      sums = new double[entries];
      best = new double[entries];
      picked = new long[(entries + Long.SIZE - 1) / Long.SIZE];
    }
  }

  /**
   * The candidates of {@code coverage}'s message: the entries in the postings of the ids at {@code
   * picks} (every id when null), each bounded by all of them. {@code postings[k]} lists the entries
   * using {@code coverage.termIds()[k]}: ordinal times two, plus one when a phrasing uses it.
   *
   * <p>Each bound is {@link Coverage#upperBound(EntryTerms)} to the last bit: the same products,
   * summed in the same order (a term an entry lacks adds zero, which changes no sum), divided by
   * the same total. {@code keep} plain entries are kept; {@code everyOne} gathers again with all.
   */
  static Candidates gather(
      Searchable docs,
      Coverage coverage,
      int[][] postings,
      boolean[] picks,
      Scratch scratch,
      int keep,
      double rareTermIdf,
      Supplier<Candidates> everyOne) {
    int from = docs.first();
    double[] sums = scratch.sums;
    double[] best = scratch.best;
    int touchedCount = 0;
    int[] touched = scratch.touched;
    for (int i = 0; i < coverage.termCount(); i++) {
      int first = coverage.firstVariant(i);
      int end = coverage.firstVariant(i + 1);
      double weight = coverage.weight(i);
      if (end - first == 1) {
        // One variant (most terms): its worth where a phrasing uses it, and where only the body.
        double worth = coverage.worth(first);
        double inPhrasing = 1.0 * worth * weight;
        double inBody = Coverage.BODY_MATCH_WORTH * worth * weight;
        for (int posting : postings[coverage.slot(first)]) {
          int e = (posting >>> 1) - from;
          if (sums[e] == 0) {
            if (touchedCount == touched.length) {
              touched = scratch.touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = e;
          }
          sums[e] += (posting & 1) != 0 ? inPhrasing : inBody;
        }
        continue;
      }
      // Several variants: each entry's best of them, then weighed once.
      int termCount = 0;
      int[] termTouched = scratch.termTouched;
      for (int v = first; v < end; v++) {
        double worth = coverage.worth(v);
        double inPhrasing = 1.0 * worth;
        double inBody = Coverage.BODY_MATCH_WORTH * worth;
        for (int posting : postings[coverage.slot(v)]) {
          int e = (posting >>> 1) - from;
          double value = (posting & 1) != 0 ? inPhrasing : inBody;
          if (best[e] == 0) {
            if (termCount == termTouched.length) {
              termTouched = scratch.termTouched = Arrays.copyOf(termTouched, termCount * 2);
            }
            termTouched[termCount++] = e;
            best[e] = value;
          } else {
            best[e] = Math.max(best[e], value);
          }
        }
      }
      for (int x = 0; x < termCount; x++) {
        int e = termTouched[x];
        if (sums[e] == 0) {
          if (touchedCount == touched.length) {
            touched = scratch.touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = e;
        }
        sums[e] += best[e] * weight;
        best[e] = 0;
      }
    }
    long[] picked = scratch.picked;
    if (picks != null) {
      for (int k = 0; k < picks.length; k++) {
        if (picks[k]) {
          for (int posting : postings[k]) {
            int e = (posting >>> 1) - from;
            picked[e >> 6] |= 1L << e;
          }
        }
      }
    }
    // The kept plain entries in a heap, the worst on top; the others all.
    int heapSize = Math.min(keep, touchedCount);
    int[] heap = new int[heapSize];
    double[] heapBounds = new double[heapSize];
    int kept = 0;
    int plainCount = 0;
    int[] special = new int[8];
    double[] specialBounds = new double[8];
    int specialCount = 0;
    double total = coverage.total();
    byte[] kinds = docs.kinds();
    for (int x = 0; x < touchedCount; x++) {
      int e = touched[x];
      double sum = sums[e];
      sums[e] = 0;
      if (picks != null) {
        long bit = 1L << e;
        if ((picked[e >> 6] & bit) == 0) {
          continue;
        }
        picked[e >> 6] &= ~bit;
      }
      int ordinal = e + from;
      byte kind = kinds[ordinal];
      if (kind == 0) {
        continue; // another language's entry
      }
      double bound = total == 0 ? 0 : sum / total;
      if (kind != Candidates.PLAIN) {
        if (specialCount == special.length) {
          special = Arrays.copyOf(special, specialCount * 2);
          specialBounds = Arrays.copyOf(specialBounds, specialCount * 2);
        }
        special[specialCount] = ordinal;
        specialBounds[specialCount++] = bound;
        continue;
      }
      plainCount++;
      if (kept < heapSize) {
        heap[kept] = ordinal;
        heapBounds[kept] = bound;
        up(heap, heapBounds, kept++);
      } else if (heapSize > 0 && Candidates.ahead(bound, ordinal, heapBounds[0], heap[0])) {
        heap[0] = ordinal;
        heapBounds[0] = bound;
        down(heap, heapBounds, kept);
      }
    }
    if (picks != null) {
      for (int x = 0; x < touchedCount; x++) {
        picked[touched[x] >> 6] = 0; // what was left of the unpicked ones' bits
      }
    }
    // best first: the worst leaves the heap first
    int[] plain = new int[kept];
    double[] plainBounds = new double[kept];
    for (int n = kept; n > 0; n--) {
      plain[n - 1] = heap[0];
      plainBounds[n - 1] = heapBounds[0];
      heap[0] = heap[n - 1];
      heapBounds[0] = heapBounds[n - 1];
      down(heap, heapBounds, n - 1);
    }
    sortSpecial(special, specialBounds, specialCount);
    Candidates candidates =
        new Candidates(
            docs,
            coverage,
            plain,
            plainBounds,
            kept == plainCount,
            Arrays.copyOf(special, specialCount),
            Arrays.copyOf(specialBounds, specialCount),
            rareTermIdf,
            everyOne);
    return candidates;
  }

  /** Restores the heap (the worst on top) after the element at {@code at} was added. */
  private static void up(int[] heap, double[] bounds, int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!Candidates.ahead(bounds[parent], heap[parent], bounds[at], heap[at])) {
        return;
      }
      swap(heap, bounds, parent, at);
      at = parent;
    }
  }

  /** Restores the heap of {@code size} after its top was replaced. */
  private static void down(int[] heap, double[] bounds, int size) {
    int at = 0;
    while (true) {
      int worst = at;
      for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
        if (Candidates.ahead(bounds[worst], heap[worst], bounds[child], heap[child])) {
          worst = child;
        }
      }
      if (worst == at) {
        return;
      }
      swap(heap, bounds, at, worst);
      at = worst;
    }
  }

  private static void swap(int[] heap, double[] bounds, int a, int b) {
    int o = heap[a];
    heap[a] = heap[b];
    heap[b] = o;
    double d = bounds[a];
    bounds[a] = bounds[b];
    bounds[b] = d;
  }

  /** Best first; there are few (flows' triggers and out-of-scope examples). */
  private static void sortSpecial(int[] ordinals, double[] bounds, int count) {
    for (int i = 1; i < count; i++) {
      int o = ordinals[i];
      double b = bounds[i];
      int j = i - 1;
      while (j >= 0 && Candidates.ahead(b, o, bounds[j], ordinals[j])) {
        ordinals[j + 1] = ordinals[j];
        bounds[j + 1] = bounds[j];
        j--;
      }
      ordinals[j + 1] = o;
      bounds[j + 1] = b;
    }
  }

  /**
   * Which of {@code ids} pick the candidates: null when all do. On a large knowledge base a term
   * used by more than one entry in twenty finds too many entries to rank each, and says little
   * about which is meant: the message's rarer terms pick the candidates, and the common ones still
   * count in their bounds and coverage. When every term is that common, they all pick. Small
   * knowledge bases are unaffected.
   */
  static boolean[] picks(int[] ids, Vocabulary vocabulary) {
    int common = Math.max(COMMON_TERM_ENTRIES, vocabulary.entryCount() / 20);
    boolean[] picks = new boolean[ids.length];
    boolean all = true;
    boolean any = false;
    for (int k = 0; k < ids.length; k++) {
      picks[k] = vocabulary.docFreq(ids[k]) <= common;
      all &= picks[k];
      any |= picks[k];
    }
    return all || !any ? null : picks;
  }

  /** Below this many entries no term is too common to pick candidates. */
  private static final int COMMON_TERM_ENTRIES = 500;
}
