package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What kind of question a message asks, from its question word. */
class QuestionWordTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hvordan oppgraderer jeg? | HOW",
        "hvorfor må vi bytte | WHY",
        "kor finn eg butikk-ID-en? | WHERE",
        "kor mykje kostar det? | NONE", // how much: asks for a figure
        "hur länge gäller avtalet? | NONE", // how long, in Swedish
        "Når utløper ordren? | WHEN",
        "naar utloper ordren | WHEN", // typed without å
        "Hei, når kommer pengene? | WHEN", // opens a clause after a greeting
        "må vi gjøre noe når kontrakten løper ut? | NONE", // a conjunction, not a question
        "kan vi selge når vi er ferdige, hva gjør vi? | WHAT",
        "Hvor finner jeg butikk-id? | WHERE",
        "hvor lenge tar det | NONE", // how long, not where
        "Hvem kontakter jeg | WHO",
        "butikk-id | NONE"
      })
  void reads_the_question_word(String message, QuestionWord kind) {
    assertEquals(kind, QuestionWord.of(message));
  }
}
