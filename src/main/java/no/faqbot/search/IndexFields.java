package no.faqbot.search;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/** Names of the Lucene fields; text fields are suffixed with the language. */
public final class IndexFields {
  /**
   * Every word of the entry (phrasings, answer, tags, section), documents only: what finds the
   * candidate entries for a message with one dictionary lookup per term.
   */
  public static final String TERMS = "terms";

  /** The entry's ordinal (see {@link AnalysedContent}), a doc value: what a document stands for. */
  public static final String ORDINAL = "ordinal";

  public static final FieldType TERMS_TYPE = termsType();

  private IndexFields() {}

  private static FieldType termsType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.freeze();
    return type;
  }

  public static String field(String name, String lang) {
    return name + "." + lang;
  }
}
