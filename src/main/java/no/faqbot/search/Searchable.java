package no.faqbot.search;

import java.util.Map;
import no.faqbot.content.FaqEntry;

/**
 * What one language searches, by entry ordinal: the entry and its kind (see {@link
 * Candidates#kindOf}), or null and 0 for other languages' entries; the vocabulary, which has each
 * entry's terms, the first ordinal of the language, its field of all terms, and the postings of
 * each term looked up so far (see {@link Postings#docsOf}). Made once per index, so hits need no
 * lookups in Lucene.
 */
record Searchable(
    FaqEntry[] entries,
    Vocabulary vocabulary,
    byte[] kinds,
    int first,
    String termsField,
    Map<Integer, int[]> docsByTerm) {
  EntryTerms terms(int ordinal) {
    return vocabulary.entryTerms(ordinal - first);
  }
}
