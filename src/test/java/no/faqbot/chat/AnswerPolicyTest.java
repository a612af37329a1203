package no.faqbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import no.faqbot.content.TestEntries;
import no.faqbot.search.SearchHit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a hit would answer, and when the out-of-scope examples turn a message away. */
class AnswerPolicyTest {
  private static final AnswerPolicy POLICY = AnswerPolicy.DEFAULT;

  private static SearchHit hit(
      String id, String flow, double score, double coverage, double evidence) {
    return new SearchHit(TestEntries.entry(id, "q", "", flow), score, coverage, evidence, coverage);
  }

  @ParameterizedTest(name = "score {0} coverage {1} evidence {2} runner-up {3} -> {4}")
  @CsvSource({
    "0.80, 0.80, 2.0, 0.50, true", // clear, well supported
    "0.35, 0.80, 2.0, 0.10, false", // fits too loosely
    "0.80, 0.20, 2.0, 0.10, false", // explains too little of the message
    "0.80, 0.50, 0.5, 0.70, false", // one weak word, no clear lead
    "0.80, 0.90, 0.5, 0.60, true"
  }) // short message, nearly all explained, clear lead
  void answers(double score, double coverage, double evidence, double runnerUp, boolean answers) {
    assertEquals(answers, POLICY.answers(hit("e", null, score, coverage, evidence), runnerUp));
  }

  @ParameterizedTest(name = "scope score {0} coverage {1} best entry {2} -> {3}")
  @CsvSource({
    "0.70, 0.60, 0.40, true",
    "0.40, 0.40, 0.39, false", // a tie is the merchant's
    "0.30, 0.20, 0.10, false"
  }) // too weak to turn anyone away
  void out_of_scope_needs_a_clear_lead(double score, double coverage, double best, boolean away) {
    assertEquals(away, POLICY.outOfScope(hit("scope:consumer", null, score, coverage, 2.0), best));
  }
}
