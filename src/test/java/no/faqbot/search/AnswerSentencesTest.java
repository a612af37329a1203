package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where an answer's sentences end, so each can be measured like a phrasing. */
class AnswerSentencesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Gå til appen. Velg rapporter! Ferdig?|Gå til appen.;Velg rapporter!;Ferdig?",
        "Versjon 3.2 av KCO er ny.|Versjon 3.2 av KCO er ny.", // a dot inside a word
        "Se klarna.com for mer.|Se klarna.com for mer.",
        "En linje\\nsom fortsetter.|En linje\\nsom fortsetter.", // wrapped lines are one sentence
        "Uten punktum til slutt|Uten punktum til slutt",
        "Ja. ... 2020.|Ja.", // no letters: not a sentence
      })
  void splits_at_sentence_ends_followed_by_space(String text, String sentences) {
    List<String> expected = Arrays.asList(sentences.replace("\\n", "\n").split(";"));
    assertEquals(expected, AnswerSentences.split(text.replace("\\n", "\n")));
  }
}
