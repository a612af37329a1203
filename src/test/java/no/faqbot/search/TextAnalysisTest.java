package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Norwegian words are analysed to: forms of one noun meet in one term. */
class TextAnalysisTest {
  private static final TextAnalysis ANALYSIS = new TextAnalysis();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "bruker, bruk",
    "brukere, bruk",
    "brukerne, bruk", // definite plural of a noun in -er, as the indefinite
    "kjøperne, kjop",
    "kundene, kund",
    "interne, intern", // an adjective in -terne is left to the stemmer
    "moderne, modern",
    "gjerne, gjern" // short: left alone
  })
  void analyses_to(String word, String term) {
    assertEquals(List.of(term), ANALYSIS.terms("nb", word));
  }
}
