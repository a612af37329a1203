package no.faqbot.flow;

import java.util.Map;

/**
 * The merchant's answer does not fit the step (unknown option, invalid field); answered with 400.
 */
public final class FlowInputException extends IllegalArgumentException {
  private final Map<String, String> fieldErrors;

  public FlowInputException(String message) {
    this(message, Map.of());
  }

  public FlowInputException(String message, Map<String, String> fieldErrors) {
    super(message);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  /** Per field id, what is wrong with it (empty unless a form was sent). */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
