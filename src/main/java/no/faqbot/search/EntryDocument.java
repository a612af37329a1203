package no.faqbot.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
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
    EntryTerms terms = vocabulary.entryTerms(content.entry(ordinal).id());
    Document doc = new Document();
    doc.add(
        new Field(
            IndexFields.field(IndexFields.TERMS, lang),
            new Terms(vocabulary, TermIds.union(terms.anyPhrasing(), terms.body())),
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
    private final Vocabulary vocabulary;
    private final TermIds ids;
    private int next;

    Terms(Vocabulary vocabulary, TermIds ids) {
      this.vocabulary = vocabulary;
      this.ids = ids;
    }

    @Override
    public boolean incrementToken() {
      if (next == ids.size()) {
        return false;
      }
      clearAttributes();
      term.setBytesRef(vocabulary.bytes(ids.id(next++)));
      return true;
    }

    @Override
    public void reset() throws java.io.IOException {
      super.reset();
      next = 0;
    }
  }
}
