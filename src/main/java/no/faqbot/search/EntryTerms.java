package no.faqbot.search;

/**
 * Where one entry uses which terms, as sets of term ids: each phrasing (question or alternative) on
 * its own with its number of distinct terms, all phrasings together, the answer with tags and
 * section, and each sentence of the answer with its number of distinct terms.
 */
record EntryTerms(
    TermIds[] phrasings,
    int[] phrasingSizes,
    QuestionWord[] asks,
    TermIds anyPhrasing,
    TermIds body,
    TermIds[] sentences,
    int[] sentenceSizes,
    TermIds anySentence) {

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
    TermIds[] phrasings = new TermIds[phrasingNumbers.length];
    int[] sizes = new int[phrasings.length];
    for (int p = 0; p < phrasings.length; p++) {
      phrasings[p] = termIds(phrasingNumbers[p], idOfNumber);
      sizes[p] = phrasings[p].size();
    }
    TermIds[] sentences = new TermIds[sentenceNumbers.length];
    int[] sentenceSizes = new int[sentences.length];
    for (int s = 0; s < sentences.length; s++) {
      sentences[s] = termIds(sentenceNumbers[s], idOfNumber);
      sentenceSizes[s] = sentences[s].size();
    }
    return new EntryTerms(
        phrasings,
        sizes,
        asks,
        TermIds.union(phrasings),
        termIds(bodyNumbers, idOfNumber),
        sentences,
        sentenceSizes,
        TermIds.union(sentences));
  }

  private static TermIds termIds(int[] numbers, int[] idOfNumber) {
    int[] ids = new int[numbers.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = idOfNumber[numbers[i]];
    }
    return TermIds.of(ids, ids.length);
  }
}
