package no.faqbot.search;

/**
 * Where one entry uses which terms, as sets of term ids: each phrasing (question or alternative) on
 * its own with its number of distinct terms, all phrasings together, the answer with tags and
 * section, and each sentence of the answer with its number of distinct terms; and, where the entry
 * is kept in memory, for each term of a phrasing or sentence which of them hold it ({@link
 * TermPlaces}; null where the entry is read from the analysis file when scored: then only the terms
 * a message shares with it are worked out).
 */
record EntryTerms(
    TermIds[] phrasings,
    int[] phrasingSizes,
    QuestionWord[] asks,
    TermIds anyPhrasing,
    TermIds body,
    TermIds[] sentences,
    int[] sentenceSizes,
    TermIds anySentence,
    TermPlaces places) {

  /** These sets with {@link #places} worked out once: for an entry kept in memory. */
  EntryTerms withPlaces() {
    return places != null
        ? this
        : new EntryTerms(
            phrasings,
            phrasingSizes,
            asks,
            anyPhrasing,
            body,
            sentences,
            sentenceSizes,
            anySentence,
            TermPlaces.of(phrasings, anyPhrasing, sentences, anySentence));
  }

  /** Each entry's terms by its place among a language's searchable entries. */
  @FunctionalInterface
  interface Source {
    EntryTerms get(int position);
  }

  /**
   * The sets of an entry whose phrasings, answer and sentences use these distinct ids (each array
   * ascending), as {@link AnalysisFile} keeps them (the arrays become the sets' own).
   */
  static EntryTerms of(int[][] phrasings, QuestionWord[] asks, int[] body, int[][] sentences) {
    TermIds[] phrasingIds = new TermIds[phrasings.length];
    int[] sizes = new int[phrasings.length];
    for (int p = 0; p < phrasings.length; p++) {
      phrasingIds[p] = TermIds.of(phrasings[p], phrasings[p].length);
      sizes[p] = phrasingIds[p].size();
    }
    TermIds[] sentenceIds = new TermIds[sentences.length];
    int[] sentenceSizes = new int[sentences.length];
    for (int s = 0; s < sentences.length; s++) {
      sentenceIds[s] = TermIds.of(sentences[s], sentences[s].length);
      sentenceSizes[s] = sentenceIds[s].size();
    }
    return new EntryTerms(
        phrasingIds,
        sizes,
        asks,
        TermIds.union(phrasingIds),
        TermIds.of(body, body.length),
        sentenceIds,
        sentenceSizes,
        TermIds.union(sentenceIds),
        null);
  }

  /**
   * One entry's sets, from the numbers its texts' terms got when first seen ({@link TermNumbering})
   * and each number's term id.
   */
  static EntryTerms of(
      int[][] phrasingNumbers,
      int[] bodyNumbers,
      int[][] sentenceNumbers,
      QuestionWord[] asks,
      int[] idOfNumber) {
    int[][] phrasings = new int[phrasingNumbers.length][];
    for (int p = 0; p < phrasings.length; p++) {
      phrasings[p] = ids(phrasingNumbers[p], idOfNumber);
    }
    int[][] sentences = new int[sentenceNumbers.length][];
    for (int s = 0; s < sentences.length; s++) {
      sentences[s] = ids(sentenceNumbers[s], idOfNumber);
    }
    return of(phrasings, asks, ids(bodyNumbers, idOfNumber), sentences);
  }

  private static int[] ids(int[] numbers, int[] idOfNumber) {
    int[] ids = new int[numbers.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = idOfNumber[numbers[i]];
    }
    return ids;
  }
}
