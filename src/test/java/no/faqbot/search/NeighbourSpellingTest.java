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
          "nøkkel");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hur gör jag? | hvordan gjør jeg?",
        "varför inte | hvorfor ikke",
        "hvad gør vi nu | hva gjør vi nå",
        "korleis gjer eg det | hvordan gjer jeg det",
        "Testköpet | testkjøpet",
        "uppgradera | oppgradere",
        "opgradering | oppgradering",
        "fejl | feil",
        "afvist | avvist",
        "moduler | moduler",
        "helt ukjent | helt ukjent"
      })
  void reads_neighbours_as_bokmal(String message, String bokmal) {
    assertEquals(bokmal, NeighbourSpelling.toBokmal(message, KNOWN::contains));
  }
}
