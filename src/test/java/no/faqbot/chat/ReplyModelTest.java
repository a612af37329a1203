package no.faqbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.faqbot.content.TestEntries;
import no.faqbot.search.SearchHit;
import no.faqbot.search.SecondOpinion;
import org.junit.jupiter.api.Test;

/** The reply model acts only on a high enough chance, and says so honestly below it. */
class ReplyModelTest {
  /** A model whose chance of answering rises with coverage alone. */
  private static final ReplyModel MODEL = model();

  @Test
  void the_shipped_model_loads_and_matches_this_builds_features() {
    ReplyModel shipped = ReplyModel.shipped();
    assertTrue(shipped.act() > shipped.suggest(), "acting needs more than suggesting");
  }

  @Test
  void a_likely_answer_is_given_a_doubtful_one_offered_and_an_unlikely_one_not() {
    assertEquals(ReplyModel.Action.ANSWER, MODEL.choose(List.of(evidence(0.95))).action());
    assertEquals(ReplyModel.Action.SUGGEST, MODEL.choose(List.of(evidence(0.5))).action());
    assertEquals(ReplyModel.Action.FALLBACK, MODEL.choose(List.of(evidence(0.05))).action());
  }

  @Test
  void the_reading_with_the_best_chance_decides() {
    Evidence whole = evidence(0.3);
    Evidence sentence = evidence(0.95);
    ReplyModel.Choice choice = MODEL.choose(List.of(whole, sentence));
    assertEquals(ReplyModel.Action.ANSWER, choice.action());
    assertEquals(sentence, choice.evidence());
  }

  @Test
  void a_model_for_other_features_is_refused() {
    Logistic other = new Logistic(List.of("x"), new double[1], new double[] {1}, new double[1], 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReplyModel(1, "", other, MODEL.flow(), MODEL.offer(), 0.8, 0.3));
  }

  private static ReplyModel model() {
    int a = Evidence.ANSWER_FEATURES.size();
    double[] weights = new double[a];
    weights[0] = 10; // coverage
    double[] ones = new double[a];
    java.util.Arrays.fill(ones, 1);
    double[] mean = new double[a];
    mean[0] = 0.5;
    int f = Evidence.FLOW_FEATURES.size();
    double[] flowOnes = new double[f];
    java.util.Arrays.fill(flowOnes, 1);
    return new ReplyModel(
        1,
        "test",
        new Logistic(Evidence.ANSWER_FEATURES, mean, ones, weights, 0),
        new Logistic(Evidence.FLOW_FEATURES, new double[f], flowOnes, new double[f], -10),
        new Logistic(Evidence.ANSWER_FEATURES, mean, ones, weights, 0),
        0.8,
        0.3);
  }

  private static Evidence evidence(double coverage) {
    SearchHit hit =
        new SearchHit(TestEntries.entry("e", "q", "", null), 0.5, coverage, 1, coverage);
    return new Evidence(
        new Evidence.Hits(hit, null, null, null, null, List.of(hit)),
        new Evidence.Words(false, true, null, 1, 5),
        Evidence.Place.alone(false, 1),
        new SecondOpinion.Verdict(null, List.of(), null, false));
  }
}
