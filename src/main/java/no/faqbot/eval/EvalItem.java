package no.faqbot.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of an eval file: a message, and either facts the answer must contain, the flow it must
 * start, or kind {@code none} where the bot must not pretend to know.
 */
public record EvalItem(
    String q,
    String lang,
    String kind,
    String topic,
    @JsonProperty("expect_any") List<String> expectAny,
    @JsonProperty("expect_flow") String expectFlow) {

  public EvalItem {
    expectAny = expectAny == null ? List.of() : List.copyOf(expectAny);
  }
}
