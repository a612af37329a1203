package no.faqbot.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of an eval file: a message, and either facts the answer must contain, the flow it must
 * start, or kind {@code none} where the bot must not pretend to know. An answer item may name a
 * flow whose start also passes ({@code or_flow}); a flow item may list phrases an answer may
 * contain to pass instead ({@code or_answer}).
 */
public record EvalItem(
    String q,
    String lang,
    String kind,
    String topic,
    @JsonProperty("expect_any") List<String> expectAny,
    @JsonProperty("expect_flow") String expectFlow,
    @JsonProperty("or_flow") String orFlow,
    @JsonProperty("or_answer") List<String> orAnswer) {

  public EvalItem {
    expectAny = expectAny == null ? List.of() : List.copyOf(expectAny);
    orAnswer = orAnswer == null ? List.of() : List.copyOf(orAnswer);
  }
}
