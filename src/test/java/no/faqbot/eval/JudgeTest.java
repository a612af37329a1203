package no.faqbot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome table both {@code faqbot eval} and {@code faqbot calibrate} count by. */
class JudgeTest {
  private static final EvalItem ANSWER =
      new EvalItem("q", "nb", "answer", null, null, List.of("right"), null, "f", null, null);
  private static final EvalItem FLOW =
      new EvalItem("q", "nb", "flow", null, null, null, "f", null, null, List.of("right"));
  private static final EvalItem NONE =
      new EvalItem("q", "nb", "none", null, null, null, null, null, null, null);
  private static final EvalItem OFFTOPIC =
      new EvalItem("q", "nb", "offtopic", null, null, null, null, null, null, null);

  @ParameterizedTest(name = "{0} shown {1} -> {2}")
  @CsvSource({
    "answer, answer right, RIGHT",
    "answer, answer other, WRONG",
    "answer, answer other offering the flow, ONE_CLICK",
    "answer, flow f, RIGHT",
    "answer, flow g, WRONG",
    "answer, suggestions holding it, ONE_CLICK",
    "answer, suggestions without it, UNRELATED",
    "answer, no figure, HONEST",
    "answer, nothing, HONEST",
    "flow, flow f, RIGHT",
    "flow, answer right, RIGHT",
    "flow, answer other, WRONG",
    "none, answer other, WRONG",
    "none, flow f, WRONG",
    "none, suggestions without it, RIGHT",
    "none, nothing, RIGHT",
    "offtopic, answer other, WRONG",
    "offtopic, suggestions without it, UNRELATED",
    "offtopic, no figure, UNRELATED",
    "offtopic, nothing, RIGHT",
  })
  void counts_what_the_merchant_got(String kind, String shown, Outcome outcome) {
    EvalItem item =
        switch (kind) {
          case "answer" -> ANSWER;
          case "flow" -> FLOW;
          case "none" -> NONE;
          default -> OFFTOPIC;
        };
    assertEquals(outcome, Judge.outcome(item, shown(shown)));
  }

  private static Shown shown(String what) {
    Shown.Entry right = new Shown.Entry("right", "text");
    Shown.Entry other = new Shown.Entry("other", "text");
    return switch (what) {
      case "answer right" -> new Shown(Shown.Kind.ANSWER, right, null, null, List.of());
      case "answer other" -> new Shown(Shown.Kind.ANSWER, other, null, null, List.of());
      case "answer other offering the flow" ->
          new Shown(Shown.Kind.ANSWER, other, null, "f", List.of());
      case "flow f" -> new Shown(Shown.Kind.FLOW, null, "f", null, List.of());
      case "flow g" -> new Shown(Shown.Kind.FLOW, null, "g", null, List.of());
      case "suggestions holding it" ->
          new Shown(Shown.Kind.SUGGESTIONS, null, null, null, List.of(other, right));
      case "suggestions without it" ->
          new Shown(Shown.Kind.SUGGESTIONS, null, null, null, List.of(other));
      case "no figure" -> new Shown(Shown.Kind.NO_FIGURE, null, null, null, List.of(right));
      default -> new Shown(Shown.Kind.NOTHING, null, null, null, List.of());
    };
  }
}
