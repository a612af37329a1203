package no.faqbot.search;

import java.util.Arrays;

/**
 * A small set of term ids, sorted, in one {@code int[]}: the terms of one phrasing or one answer. A
 * phrasing uses a handful of a knowledge base's terms; a bit set over all term ids costs a bit for
 * every term of the vocabulary, which at 100,000 entries did not fit in a 1 GB heap. Where the bits
 * up to the largest id cost at most four times the ids (an answer's many terms in a small
 * vocabulary) they are kept as well: the ranking asks every candidate's answer and phrasings for
 * each of the message's ids, and halving searches there took a third of a chat reply's time.
 */
final class TermIds {
  static final TermIds EMPTY = new TermIds(new int[0]);

  /** Ascending, each once. */
  private final int[] ids;

  /** The same ids as bits, or null where that would cost more than four times {@link #ids}. */
  private final long[] bits;

  private TermIds(int[] ids) {
    this.ids = ids;
    int words = ids.length == 0 ? 0 : (ids[ids.length - 1] >> 6) + 1;
    if (ids.length > SCAN && words <= 2 * ids.length) {
      bits = new long[words];
      for (int id : ids) {
        bits[id >> 6] |= 1L << id;
      }
    } else {
      bits = null;
    }
  }

  /** The distinct ids among the first {@code count} of {@code ids} (which it may reorder). */
  static TermIds of(int[] ids, int count) {
    if (count == 0) {
      return EMPTY;
    }
    Arrays.sort(ids, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || ids[distinct - 1] != ids[i]) {
        ids[distinct++] = ids[i];
      }
    }
    return new TermIds(Arrays.copyOf(ids, distinct));
  }

  /** Whether {@code id} is in the set. */
  boolean get(int id) {
    if (bits != null) {
      int word = id >> 6;
      return id >= 0 && word < bits.length && (bits[word] & (1L << id)) != 0;
    }
    if (ids.length > SCAN) {
      return Arrays.binarySearch(ids, id) >= 0;
    }
    // A phrasing has a few terms: a scan that stops early beats a binary search there.
    for (int value : ids) {
      if (value >= id) {
        return value == id;
      }
    }
    return false;
  }

  /** Up to this many ids are scanned rather than searched by halves. */
  private static final int SCAN = 16;

  /** The {@code i}th smallest id. */
  int id(int i) {
    return ids[i];
  }

  /** How many distinct ids. */
  int size() {
    return ids.length;
  }

  /** The union of {@code sets}. */
  static TermIds union(TermIds... sets) {
    int total = 0;
    for (TermIds s : sets) {
      total += s.ids.length;
    }
    int[] all = new int[total];
    int at = 0;
    for (TermIds s : sets) {
      System.arraycopy(s.ids, 0, all, at, s.ids.length);
      at += s.ids.length;
    }
    return of(all, total);
  }
}
