package no.faqbot.search;

import java.util.Arrays;

/**
 * A small set of term ids, sorted, in one {@code int[]}: the terms of one phrasing or one answer. A
 * phrasing uses a handful of a knowledge base's terms; a bit set over all term ids costs a bit for
 * every term of the vocabulary, which at 100,000 entries did not fit in a 1 GB heap.
 */
final class TermIds {
  static final TermIds EMPTY = new TermIds(new int[0]);

  /** Ascending, each once. */
  private final int[] ids;

  private TermIds(int[] ids) {
    this.ids = ids;
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
