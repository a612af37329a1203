package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A country's name stands for the content's word for a country. */
class CountryNamesTest {
  private static final TextAnalysis ANALYSIS = new TextAnalysis();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "nb, Portugal, land",
    "nb, Tyskland, land",
    "nb, Österrike, land", // Swedish spelling
    "en, Germany, country",
    "nb, ordre, ''", // not a country
    "nb, butikk, ''"
  })
  void names_a_country(String lang, String word, String country) {
    CountryNames names = new CountryNames(lang, ANALYSIS);
    String term = ANALYSIS.terms(lang, word).get(0);
    String expected = country.isEmpty() ? null : ANALYSIS.terms(lang, country).get(0);
    assertEquals(expected, names.country(term));
  }
}
