package no.faqbot.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import no.faqbot.format.Sha256;

/**
 * A content snapshot analysed once per language: the vocabularies the ranking reads and the index
 * is built from. Each searchable entry of each language, languages in turn, has an ordinal, its
 * place in that order: the index keeps it with the entry's document, so Lucene's own document
 * numbers, which depend on how the index was written, decide nothing.
 */
public final class AnalysedContent {
  private final ContentSnapshot content;
  private final TextAnalysis analysis;
  private final Map<String, Vocabulary> vocabularies = new HashMap<>();
  private final List<String> langs = new ArrayList<>();
  private final List<FaqEntry> entries = new ArrayList<>();

  private AnalysedContent(ContentSnapshot content, TextAnalysis analysis) {
    this.content = content;
    this.analysis = analysis;
    for (String lang : Languages.ALL) {
      List<FaqEntry> searchable = content.searchable(lang);
      vocabularies.put(lang, new Vocabulary(searchable, lang, analysis));
      for (FaqEntry e : searchable) {
        langs.add(lang);
        entries.add(e);
      }
    }
  }

  /** Analyses every language's searchable entries of {@code content}; most of the cost is here. */
  public static AnalysedContent of(ContentSnapshot content, TextAnalysis analysis) {
    return new AnalysedContent(content, analysis);
  }

  public ContentSnapshot content() {
    return content;
  }

  TextAnalysis analysis() {
    return analysis;
  }

  Vocabulary vocabulary(String lang) {
    return vocabularies.get(lang);
  }

  /** How many documents: searchable entries over all languages. */
  public int size() {
    return entries.size();
  }

  /** The language searched by the document with this ordinal. */
  String lang(int ordinal) {
    return langs.get(ordinal);
  }

  FaqEntry entry(int ordinal) {
    return entries.get(ordinal);
  }

  /**
   * A hash of which entry has which ordinal. The index stores ordinals, not ids, so an index is
   * only reused for the same order: a change to how entries are listed rebuilds it.
   */
  public String order() {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      keys.append(langs.get(i)).append('/').append(entries.get(i).id()).append('\n');
    }
    return Sha256.hex(keys.toString().getBytes(StandardCharsets.UTF_8));
  }
}
