package no.faqbot.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  /** Each language's searchable entries, languages in order. */
  private final Map<String, List<FaqEntry>> byLanguage = new LinkedHashMap<>();

  /** Each ordinal's place among its language's searchable entries. */
  private final int[] positions;

  private AnalysedContent(ContentSnapshot content, TextAnalysis analysis) {
    this.content = content;
    this.analysis = analysis;
    for (String lang : Languages.ALL) {
      List<FaqEntry> searchable = content.searchable(lang);
      byLanguage.put(lang, searchable);
      for (FaqEntry e : searchable) {
        langs.add(lang);
        entries.add(e);
      }
    }
    positions = new int[entries.size()];
    int ordinal = 0;
    for (List<FaqEntry> searchable : byLanguage.values()) {
      for (int i = 0; i < searchable.size(); i++) {
        positions[ordinal++] = i;
      }
    }
  }

  /** Analyses every language's searchable entries of {@code content}; most of the cost is here. */
  public static AnalysedContent of(ContentSnapshot content, TextAnalysis analysis) {
    AnalysedContent analysed = listed(content, analysis);
    analysed.analyse();
    return analysed;
  }

  /**
   * {@code content}'s searchable entries with their ordinals, not analysed yet: enough to tell
   * whether a stored index is for them ({@link #order}); {@link #analyse} or {@link AnalysisFile}
   * then fills in the vocabularies.
   */
  public static AnalysedContent listed(ContentSnapshot content, TextAnalysis analysis) {
    return new AnalysedContent(content, analysis);
  }

  /** Analyses every language's searchable entries. */
  public void analyse() {
    byLanguage.forEach(
        (lang, searchable) -> setVocabulary(lang, new Vocabulary(searchable, lang, analysis)));
  }

  /** Whether every language has its vocabulary. */
  public boolean analysed() {
    return vocabularies.keySet().containsAll(byLanguage.keySet());
  }

  void setVocabulary(String lang, Vocabulary vocabulary) {
    vocabularies.put(lang, vocabulary);
  }

  /** The languages, in the order of their ordinals. */
  List<String> languages() {
    return List.copyOf(byLanguage.keySet());
  }

  Map<String, List<FaqEntry>> entriesByLanguage() {
    return byLanguage;
  }

  /** By ordinal: the entry's place among its language's searchable entries. */
  int[] positions() {
    return positions;
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
