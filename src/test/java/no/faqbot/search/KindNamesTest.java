package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A country's or month's name stands for the content's word for its kind. */
class KindNamesTest {
  private static final TextAnalysis ANALYSIS = new TextAnalysis();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "nb, Portugal, land",
    "nb, Tyskland, land",
    "nb, Österrike, land", // Swedish spelling
    "en, Germany, country",
    "nb, mars, måned",
    "nb, oktober, måned",
    "en, March, month",
    "nb, ordre, ''", // not a country
    "nb, butikk, ''"
  })
  void names_a_thing_of_a_kind(String lang, String word, String kind) {
    KindNames names = new KindNames(lang, ANALYSIS);
    String term = ANALYSIS.terms(lang, word).get(0);
    String expected = kind.isEmpty() ? null : ANALYSIS.terms(lang, kind).get(0);
    assertEquals(expected, names.kind(term));
  }
}
