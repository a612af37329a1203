package no.faqbot.flow;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import no.faqbot.format.Words;

/**
 * A step as the chat API shows it: {@code flow: {id, title, stepId, kind, prompt, options, fields,
 * ..., stepNumber, stepsEstimate, canGoBack}}.
 */
public record FlowView(
    String id,
    String title,
    String stepId,
    String kind,
    String prompt,
    List<OptionView> options,
    List<FieldView> fields,
    String outcome,
    Map<String, String> collected,
    List<EntryRef> entries,
    @JsonUnwrapped Progress progress) {

  /**
   * Step {@code stepNumber} of about {@code stepsEstimate} (the shortest way on) for "step 3 of
   * ~6"; shown in the JSON beside the other keys.
   */
  public record Progress(int stepNumber, int stepsEstimate, boolean canGoBack) {}

  /** A FAQ entry the flow relates to, for "read more" links. */
  public record EntryRef(String id, String question) {}

  /** An option button. */
  public record OptionView(String id, String label) {}

  /** A form field with what it accepts. */
  public record FieldView(String id, String type, String label, boolean required, int maxLength) {}

  public static FlowView of(Flow flow, FlowState state, String lang) {
    return of(flow, state, lang, List.of());
  }

  public static FlowView of(Flow flow, FlowState state, String lang, List<EntryRef> entries) {
    Step step = FlowEngine.current(flow, state);
    int number = state.trail().size();
    List<OptionView> options =
        switch (step.kind()) {
          case CHOICE ->
              step.options().stream().map(o -> new OptionView(o.id(), o.label().in(lang))).toList();
          case INFO ->
              List.of(
                  new OptionView(FlowEngine.HELPED, Words.in(lang).get("flow.helped")),
                  new OptionView(FlowEngine.NOT_HELPED, Words.in(lang).get("flow.notHelped")));
          default -> List.of();
        };
    List<FieldView> fields =
        step.fields().stream()
            .map(
                f ->
                    new FieldView(
                        f.id(),
                        f.type().json(),
                        f.label().in(lang),
                        f.required(),
                        f.type().maxLength()))
            .toList();
    return new FlowView(
        flow.id(),
        flow.title().in(lang),
        step.id(),
        step.kind().json(),
        step.prompt().in(lang),
        options,
        fields,
        step.outcome(),
        step.kind() == StepKind.EMAIL ? state.fields() : Map.of(),
        List.copyOf(entries),
        new Progress(number, number - 1 + FlowEngine.stepsLeft(flow, step.id()), number > 1));
  }
}
