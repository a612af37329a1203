package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import no.faqbot.content.FaqEntry;
import no.faqbot.content.Synonyms;
import no.faqbot.content.TestEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How well an entry's phrasings, and its answer's sentences, fit a message. */
class CoverageTest {
  private static final TextAnalysis ANALYSIS = new TextAnalysis();

  /** An nb entry with no alternatives or tags; other search tests build theirs with it too. */
  static FaqEntry entry(String id, String question, String answer) {
    return TestEntries.entry(id, question, answer, null);
  }

  /** Two entries whose questions share nothing with the messages; one answer echoes them. */
  private static final List<FaqEntry> ENTRIES =
      List.of(
          entry(
              "echo",
              "Hvordan fortsetter jeg senere?",
              "Øverst vises et banner med neste steg i prosessen. Appen har også en oversikt."),
          entry(
              "scattered",
              "Hva skjer etter bytte?",
              "Prosessen tar tid. Neste uke kommer et nytt steg. Et banner vises i appen."));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "banner med neste steg i prosessen, echo", // one answer sentence, nearly word for word
    "neste steg prosessen banner, echo", // its words, in another order
  })
  void a_message_echoing_one_answer_sentence_fits_that_entry_best(String message, String best) {
    Vocabulary vocabulary = new Vocabulary(ENTRIES, "nb", ANALYSIS);
    QueryPlanner planner =
        new QueryPlanner(
            "nb", ANALYSIS, vocabulary, new SynonymExpander(Synonyms.NONE, "nb", ANALYSIS));
    Coverage coverage = new Coverage(planner.plan(message));
    Coverage.Fit echo = coverage.fit(vocabulary.entryTerms("echo"));
    Coverage.Fit scattered = coverage.fit(vocabulary.entryTerms("scattered"));
    assertEquals(best, echo.fit() > scattered.fit() ? "echo" : "scattered");
    // What each entry explains is the same: the sentence changes the fit, not the coverage.
    assertEquals(echo.matched(), scattered.matched(), 1e-9);
  }
}
