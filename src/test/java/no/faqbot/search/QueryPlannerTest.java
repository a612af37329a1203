package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import no.faqbot.content.FaqEntry;
import no.faqbot.content.Synonyms;
import org.junit.jupiter.api.Test;

/** How a message's terms get their synonyms' variants. */
class QueryPlannerTest {
  private static final TextAnalysis ANALYSIS = new TextAnalysis();

  private static final List<FaqEntry> ENTRIES =
      List.of(
          CoverageTest.entry("mode", "Hvordan slår jeg på testmodus?", ""),
          CoverageTest.entry("purchase", "Hvordan gjør jeg et test kjøp?", ""),
          CoverageTest.entry("failed", "Hvorfor feiler test i pluginen?", ""),
          CoverageTest.entry("trial", "Hva er et prøvekjøp, og hvordan virker betaling?", ""));

  private static List<String> variants(String message, List<String> group) {
    Vocabulary vocabulary = new Vocabulary(ENTRIES, "nb", ANALYSIS);
    QueryPlanner planner =
        new QueryPlanner(
            "nb",
            ANALYSIS,
            vocabulary,
            new SynonymExpander(new Synonyms(List.of(group)), "nb", ANALYSIS));
    return planner.plan(message).terms().get(0).variants().stream()
        .map(QueryPlan.Variant::term)
        .toList();
  }

  @Test
  void a_phrase_whose_specific_word_the_content_lacks_does_not_stand_in_by_its_common_word() {
    // "environment" is in no entry: the phrase adds nothing, rather than "test" of every entry.
    assertEquals(
        List.of("testmodu"), variants("testmodus", List.of("testmodus", "test environment")));
  }

  @Test
  void a_phrase_stands_in_by_its_rarest_known_word() {
    // "test" is in two entries, "kjøp" in one.
    assertEquals(List.of("kjop"), variants("prøvehandel", List.of("prøvehandel", "test kjøp")));
  }

  @Test
  void a_compound_a_group_lists_whole_is_not_split_into_known_words() {
    // "test" and "betaling" are both known, so unlisted, "testbetaling" would be split in two.
    assertEquals(
        List.of("provekjop"), variants("testbetaling", List.of("testbetaling", "prøvekjøp")));
  }
}
