package no.faqbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reply model's logistic regression learns a chance that matches the data it was fitted on. */
class LogisticTest {
  @Test
  void a_fitted_model_gives_the_chance_the_data_shows() {
    // Right with chance 0.9 above x = 0.5 and 0.2 below it; y is noise.
    Random random = new Random(7);
    int n = 4000;
    double[][] rows = new double[n][];
    int[] right = new int[n];
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble();
      rows[i] = new double[] {x > 0.5 ? 1 : 0, random.nextDouble()};
      right[i] = random.nextDouble() < (x > 0.5 ? 0.9 : 0.2) ? 1 : 0;
    }
    Logistic model = Logistic.fit(List.of("high", "noise"), rows, right, 1.0);
    assertEquals(0.9, model.probability(new double[] {1, 0.5}), 0.03);
    assertEquals(0.2, model.probability(new double[] {0, 0.5}), 0.03);
    assertTrue(Math.abs(model.weights()[1]) < 0.15, "noise gets little weight");
  }

  @Test
  void a_model_needs_one_weight_per_feature() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Logistic(List.of("a", "b"), new double[2], new double[] {1, 1}, new double[1], 0));
  }
}
