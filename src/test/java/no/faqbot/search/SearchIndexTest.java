package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import no.faqbot.Fixtures;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.knowledge.IndexStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  @TempDir Path tmp;
  private SearchIndex index;

  @BeforeEach
  void open() {
    TextAnalysis analysis = new TextAnalysis();
    ContentSnapshot content =
        new ContentLoader(Fixtures.content("good", tmp), new MarkdownRenderer()).load();
    index = new IndexStore(tmp.resolve("index")).searchIndex(content, analysis);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private String top(String query, String lang) {
    List<SearchHit> hits = index.search(query, lang, 3, null);
    return hits.isEmpty() ? "(nothing)" : hits.get(0).entry().id();
  }

  @Test
  void exact_question_words_find_the_entry() {
    assertEquals("order-expiry", top("når utløper ordren", "nb"));
  }

  @Test
  void ascii_spellings_of_ae_oe_aa_match_norwegian_letters() {
    assertEquals("order-expiry", top("naar utloeper ordren", "nb"));
    assertEquals("settlement-report", top("oppgjoeret som pdf", "nb"));
  }

  @Test
  void typos_are_tolerated() {
    assertEquals("settlement-report", top("utbetalingsunderlgaet", "nb"));
    assertEquals("find-store-id", top("butikknummret", "nb"));
  }

  @Test
  void synonyms_from_the_editors_file_are_used() {
    assertEquals("test-purchase", top("avbryte prøvekjøp", "nb"));
  }

  @Test
  void english_queries_search_english_content() {
    SearchHit hit = index.search("where is my merchant id", "en", 3, null).get(0);
    assertEquals("find-store-id", hit.entry().id());
    assertEquals("en", hit.entry().lang());
  }

  @Test
  void unrelated_words_find_nothing() {
    assertEquals("(nothing)", top("regn i Bergen", "nb"));
  }

  @Test
  void an_exact_match_ranks_above_a_fuzzy_one() {
    List<SearchHit> hits = index.search("ordre", "nb", 3, null);
    assertEquals("order-expiry", hits.get(0).entry().id());
    assertTrue(hits.get(0).coverage() > 0.9, "exact term covers the whole query: " + hits.get(0));
  }

  @Test
  void a_word_only_in_the_answer_still_finds_the_entry() {
    // "dager" is in no question or alternative, only in the answer text.
    List<SearchHit> hits = index.search("dager", "nb", 3, null);
    assertEquals("order-expiry", hits.get(0).entry().id());
    assertTrue(hits.get(0).coverage() < 1, "an answer-only match counts less: " + hits.get(0));
  }

  @Test
  void only_entries_that_share_a_term_with_the_message_are_hits() {
    List<SearchHit> hits = index.search("utløper", "nb", 10, null);
    assertEquals(List.of("order-expiry"), hits.stream().map(h -> h.entry().id()).toList());
  }

  @Test
  void section_filter_keeps_only_that_section() {
    List<SearchHit> hits = index.search("rapport ordre", "nb", 5, "Endringer");
    assertTrue(
        hits.stream().allMatch(h -> h.entry().section().equals("Endringer")), hits.toString());
  }

  @Test
  void query_syntax_is_not_interpreted() {
    assertEquals("(nothing)", top("1' OR '1'='1 AND q.nb:* +lang:en~2", "nb"));
  }

  @Test
  void an_entry_without_translation_is_still_found_in_the_other_language() {
    List<SearchHit> hits = index.search("ordre 28 dager", "en", 3, null);
    assertEquals("order-expiry", hits.get(0).entry().id());
    assertEquals(
        "nb", hits.get(0).entry().lang(), "served in Norwegian until someone translates it");
  }
}
