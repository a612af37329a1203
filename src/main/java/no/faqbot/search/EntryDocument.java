package no.faqbot.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;

/**
 * The Lucene document of one searchable entry: its language's field of all its terms, and its
 * ordinal (see {@link AnalysedContent}). Nothing is stored: search reads entries from the content.
 */
public final class EntryDocument {
  private EntryDocument() {}

  /** The document with this ordinal. Safe to call from several threads at once. */
  public static Document of(AnalysedContent content, int ordinal) {
    String lang = content.lang(ordinal);
    Vocabulary vocabulary = content.vocabulary(lang);
    EntryTerms terms = vocabulary.entryTerms(content.positions()[ordinal]);
    Document doc = new Document();
    doc.add(
        new Field(
            IndexFields.field(IndexFields.TERMS, lang),
            new Terms(
                vocabulary, TermIds.union(terms.anyPhrasing(), terms.body()), terms.anyPhrasing()),
            IndexFields.TERMS_TYPE));
    doc.add(new NumericDocValuesField(IndexFields.ORDINAL, ordinal));
    return doc;
  }

  /**
   * Terms the vocabulary has analysed already, one token each, in the bytes the index stores: the
   * phrasings, answer, section and tags were analysed for the ranking, and running the analyzers
   * again for Lucene took a third of building the index.
   */
  private static final class Terms extends TokenStream {
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final Vocabulary vocabulary;
    private final TermIds ids;
    private final TermIds inPhrasing;
    private int next;

    Terms(Vocabulary vocabulary, TermIds ids, TermIds inPhrasing) {
      this.vocabulary = vocabulary;
      this.ids = ids;
      this.inPhrasing = inPhrasing;
    }

    @Override
    public boolean incrementToken() {
      if (next == ids.size()) {
        return false;
      }
      clearAttributes();
      int id = ids.id(next++);
      term.setBytesRef(vocabulary.bytes(id));
      frequency.setTermFrequency(
          inPhrasing.get(id) ? IndexFields.IN_PHRASING : IndexFields.IN_BODY);
      return true;
    }

    @Override
    public void reset() throws java.io.IOException {
      super.reset();
      next = 0;
    }
  }
}
