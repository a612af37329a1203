package no.faqbot.search;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/** Names of the Lucene fields; text fields are suffixed with the language. */
public final class IndexFields {
  /**
   * Every word of the entry (phrasings, answer, tags, section), with a term frequency that says
   * where: {@link #IN_PHRASING} when some phrasing (question or alternative) uses it, {@link
   * #IN_BODY} when only the answer, tags or section do. What finds the candidate entries for a
   * message with one dictionary lookup per term, and their bounds without looking at the entries.
   */
  public static final String TERMS = "terms";

  /** The entry's ordinal (see {@link AnalysedContent}), a doc value: what a document stands for. */
  public static final String ORDINAL = "ordinal";

  public static final FieldType TERMS_TYPE = termsType();

  /** The frequency of a term some phrasing of the entry uses. */
  public static final int IN_PHRASING = 2;

  /** The frequency of a term only the entry's answer, tags or section use. */
  public static final int IN_BODY = 1;

  private IndexFields() {}

  private static FieldType termsType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  public static String field(String name, String lang) {
    return name + "." + lang;
  }
}
