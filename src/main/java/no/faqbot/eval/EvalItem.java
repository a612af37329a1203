package no.faqbot.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of an eval file: a message, and what the merchant must get. An {@code answer} item names
 * the facts the answer must contain ({@code expect_any}) or the entries that answer it ({@code
 * expect_ids}); a {@code flow} item the flow it must start; a {@code none} item must get neither an
 * answer nor a flow; an {@code offtopic} item must get the fallback, out of scope or small talk. An
 * answer item may name a flow whose start also passes ({@code or_flow}); a flow item may list
 * phrases or entries an answer may hold to pass instead ({@code or_answer}, {@code or_answer_ids}).
 */
public record EvalItem(
    String q,
    String lang,
    String kind,
    String topic,
    @JsonProperty("expect_any") List<String> expectAny,
    @JsonProperty("expect_ids") List<String> expectIds,
    @JsonProperty("expect_flow") String expectFlow,
    @JsonProperty("or_flow") String orFlow,
    @JsonProperty("or_answer") List<String> orAnswer,
    @JsonProperty("or_answer_ids") List<String> orAnswerIds) {

  public EvalItem {
    expectAny = expectAny == null ? List.of() : List.copyOf(expectAny);
    expectIds = expectIds == null ? List.of() : List.copyOf(expectIds);
    orAnswer = orAnswer == null ? List.of() : List.copyOf(orAnswer);
    orAnswerIds = orAnswerIds == null ? List.of() : List.copyOf(orAnswerIds);
  }

  /** The facts and entry ids an answer may hold to pass. */
  Expected answers() {
    return "flow".equals(kind)
        ? new Expected(orAnswer, orAnswerIds)
        : new Expected(expectAny, expectIds);
  }

  /** The flow whose start passes, or null. */
  String flow() {
    return "flow".equals(kind) ? expectFlow : orFlow;
  }

  /** Facts an answer text may contain, or entry ids an answer may come from. */
  record Expected(List<String> facts, List<String> ids) {
    boolean isEmpty() {
      return facts.isEmpty() && ids.isEmpty();
    }
  }
}
