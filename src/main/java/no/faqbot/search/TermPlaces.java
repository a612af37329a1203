package no.faqbot.search;

import java.util.Arrays;

/**
 * For each term an entry uses in a phrasing or an answer sentence, which of its phrasings and which
 * of its sentences hold it, as bits. Measuring an entry against a message then looks at the few
 * terms they share once, instead of asking every phrasing and sentence for every one of the
 * message's terms: an entry has a dozen or more phrasings and sentences, and a message shares a
 * word or two with most of them or none.
 */
final class TermPlaces {
  /** Ascending, each once: every id of a phrasing or a sentence. */
  private final int[] ids;

  /** Id {@code i}'s phrasings: bit {@code p % 64} of word {@code i * phrasingWords + p / 64}. */
  private final long[] phrasingBits;

  private final int phrasingWords;

  /** Id {@code i}'s sentences, laid out as {@link #phrasingBits}. */
  private final long[] sentenceBits;

  private final int sentenceWords;

  private TermPlaces(int[] ids, TermIds[] phrasings, TermIds[] sentences) {
    this.ids = ids;
    this.phrasingWords = words(phrasings.length);
    this.sentenceWords = words(sentences.length);
    this.phrasingBits = bits(ids, phrasings, phrasingWords);
    this.sentenceBits = bits(ids, sentences, sentenceWords);
  }

  /** Every term of the phrasings and sentences, whose unions are {@code anyPhrasing} and so on. */
  static TermPlaces of(
      TermIds[] phrasings, TermIds anyPhrasing, TermIds[] sentences, TermIds anySentence) {
    TermIds all = TermIds.union(anyPhrasing, anySentence);
    int[] ids = new int[all.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = all.id(i);
    }
    return new TermPlaces(ids, phrasings, sentences);
  }

  /**
   * Only the first {@code count} of {@code ids} (ascending, each in some phrasing or sentence): for
   * an entry read when scored, the terms one message shares with it.
   */
  static TermPlaces over(int[] ids, int count, TermIds[] phrasings, TermIds[] sentences) {
    return new TermPlaces(Arrays.copyOf(ids, count), phrasings, sentences);
  }

  /** Where {@code id} is among this entry's ids, or a negative number when it is not. */
  int indexOf(int id) {
    return Arrays.binarySearch(ids, id);
  }

  /** Longs per id in {@link #phrasing}. */
  int phrasingWords() {
    return phrasingWords;
  }

  /** Longs per id in {@link #sentence}. */
  int sentenceWords() {
    return sentenceWords;
  }

  /** Word {@code w} of the bits of the phrasings that hold the id at {@code index}. */
  long phrasing(int index, int w) {
    return phrasingBits[index * phrasingWords + w];
  }

  /** Word {@code w} of the bits of the sentences that hold the id at {@code index}. */
  long sentence(int index, int w) {
    return sentenceBits[index * sentenceWords + w];
  }

  private static int words(int places) {
    return (places + 63) >>> 6;
  }

  private static long[] bits(int[] ids, TermIds[] places, int words) {
    long[] bits = new long[ids.length * words];
    for (int p = 0; p < places.length; p++) {
      TermIds place = places[p];
      // walks the shorter list: the place's ids looked up among ids, or ids looked up in the place
      if (ids.length >= place.size()) {
        for (int j = 0; j < place.size(); j++) {
          int i = Arrays.binarySearch(ids, place.id(j));
          if (i >= 0) {
            bits[i * words + (p >>> 6)] |= 1L << p;
          }
        }
      } else {
        for (int i = 0; i < ids.length; i++) {
          if (place.get(ids[i])) {
            bits[i * words + (p >>> 6)] |= 1L << p;
          }
        }
      }
    }
    return bits;
  }
}
