package no.faqbot.flow;

import java.util.List;

/**
 * One step of a flow. Which parts are used depends on the kind: options for choice, fields and next
 * for form, next and resolved for info, subject for email, outcome for end.
 */
public record Step(
    String id,
    StepKind kind,
    Text prompt,
    List<Option> options,
    List<Field> fields,
    String next,
    String resolved,
    String outcome,
    Text subject,
    int line) {

  public Step {
    options = List.copyOf(options);
    fields = List.copyOf(fields);
  }

  /** A choice's option: its id, label and the step it leads to. */
  public record Option(String id, Text label, String next) {}

  /**
   * A form field: id (as the support e-mail names it), type, label and whether it must be filled.
   */
  public record Field(String id, FieldType type, Text label, boolean required) {}

  /** The steps this one can lead to. */
  public List<String> successors() {
    return switch (kind) {
      case CHOICE -> options.stream().map(Option::next).toList();
      case INFO ->
          java.util.stream.Stream.of(next, resolved).filter(java.util.Objects::nonNull).toList();
      case FORM -> next == null ? List.of() : List.of(next);
      case EMAIL, END -> List.of();
    };
  }

  public boolean isTerminal() {
    return kind == StepKind.EMAIL || kind == StepKind.END;
  }
}
