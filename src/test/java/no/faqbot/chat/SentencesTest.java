package no.faqbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A long message's asking sentences are read on their own too. */
class SentencesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hvor finner jeg butikk-ID-en?|",
        "Hei! Vi har en nettbutikk på Woo. Hvor finner jeg butikk-ID-en?|Hvor finner jeg butikk-ID-en?",
        "Testkjøpet feiler. Det står 401.|",
        "Hi. Is A? Is B? Is C?|Is B?;Is C?",
        "Vi har byttet plugin\\nhvordan ser jeg at oppgraderingen er ferdig?|"
            + "hvordan ser jeg at oppgraderingen er ferdig?"
      })
  void asking_sentences(String message, String expected) {
    List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
    assertEquals(want, Sentences.asking(message.replace("\\n", "\n")));
  }
}
