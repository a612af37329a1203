package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Danish, Swedish and nynorsk read as bokmål: function words always, spellings only into known
 * words.
 */
class NeighbourSpellingTest {
  private static final Set<String> KNOWN =
      Set.of(
          "kjøp",
          "kjøpet",
          "testkjøpet",
          "oppgradere",
          "oppgradering",
          "feil",
          "avvist",
          "modul",
          "rapporter",
          "nøkkel",
          "utbetalt",
          "velge",
          "ordrene",
          "landene",
          "oppgraderingen");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hur gör jag? | hvordan gjør jeg?",
        "varför inte | hvorfor ikke",
        "hvad gør vi nu | hva gjør vi nå",
        "korleis gjer eg det | hvordan gjør jeg det",
        "kor finst det eit | hvor finnes det et",
        "vælge | velge",
        "ordrane | ordrene",
        "landa | landene",
        "oppgraderinga | oppgraderingen",
        "hur länge | hvordan lenge",
        "have os | ha oss",
        "Testköpet | testkjøpet",
        "uppgradera | oppgradere",
        "opgradering | oppgradering",
        "fejl | feil",
        "afvist | avvist",
        "udbetalt | utbetalt",
        "kanske utanför | kanskje utenfor",
        "bagefter | etterpå",
        "moduler | moduler",
        "helt ukjent | helt ukjent"
      })
  void reads_neighbours_as_bokmal(String message, String bokmal) {
    assertEquals(bokmal, NeighbourSpelling.toBokmal(message, KNOWN::contains));
  }

  /** Known terms' beginnings: another form of a known word (utfasing for utfaser). */
  private static final Set<String> FORMS = Set.of("utfas", "butikk");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "udfaser | utfaser", // no rule gives a known word; one gives another form of one
        "udbetalt | utbetalt", // a known word still wins
        "butikk-id | butikk-id", // already such a form: left as written
        "kredittid | kredittid" // no rule gives a form of anything known
      })
  void takes_another_form_of_a_known_word_when_no_known_word_fits(String message, String bokmal) {
    assertEquals(
        bokmal,
        NeighbourSpelling.toBokmal(
            message,
            KNOWN::contains,
            w -> KNOWN.contains(w) || FORMS.stream().anyMatch(w::startsWith)));
  }
}
