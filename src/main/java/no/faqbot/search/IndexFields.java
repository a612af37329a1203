package no.faqbot.search;

import java.util.List;

/** Names of the Lucene fields; text fields are suffixed with the language. */
final class IndexFields {
  static final String KEY = "key";
  static final String ID = "id";
  static final String LANG = "lang";
  static final String SECTION = "section";
  /** Question and alternatives: how merchants ask. */
  static final String QUESTION = "q";
  /** The answer text, tags and section name. */
  static final String BODY = "body";
  static final List<String> TEXT_FIELDS = List.of(QUESTION, BODY);

  private IndexFields() {}

  static String field(String name, String lang) {
    return name + "." + lang;
  }
}
