package no.faqbot.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.format.Words;

/**
 * Moves a merchant through a flow. Pure: (flow, state, answer) gives the next state; no I/O, no
 * clock, no randomness, so it is tested with tables.
 */
public final class FlowEngine {
  /** Answers of an info step. */
  public static final String HELPED = "helped";

  public static final String NOT_HELPED = "not-helped";

  /** The choice that goes back one step (the widget's "Tilbake"); no option id starts with '_'. */
  public static final String BACK = "_back";

  private FlowEngine() {}

  public static FlowState start(Flow flow) {
    return new FlowState(
        flow.id(),
        flow.revision(),
        flow.start(),
        List.of(new FlowState.Visit(flow.start(), null)),
        Map.of());
  }

  /**
   * The state after answering the current step with {@code choice} (choice and info steps) or
   * {@code fields} (form steps).
   *
   * @throws InvalidStateException when the state does not belong to this version of the flow
   * @throws FlowInputException when the answer does not fit the step
   */
  public static FlowState advance(
      Flow flow, FlowState state, String choice, Map<String, String> fields) {
    Step step = current(flow, state);
    String answer;
    String next;
    Map<String, String> collected = new LinkedHashMap<>(state.fields());
    switch (step.kind()) {
      case CHOICE -> {
        Step.Option option =
            step.options().stream()
                .filter(o -> o.id().equals(choice))
                .findFirst()
                .orElseThrow(
                    () ->
                        new FlowInputException(
                            "choose one of "
                                + step.options().stream().map(Step.Option::id).toList()
                                + " for step '"
                                + step.id()
                                + "'"
                                + (choice == null ? "" : ", not '" + choice + "'")));
        answer = option.id();
        next = option.next();
      }
      case INFO -> {
        if (HELPED.equals(choice)) {
          next = step.resolved();
        } else if (NOT_HELPED.equals(choice)) {
          next = step.next();
        } else {
          throw new FlowInputException(
              "answer step '"
                  + step.id()
                  + "' with choice '"
                  + HELPED
                  + "' or '"
                  + NOT_HELPED
                  + "'");
        }
        answer = choice;
      }
      case FORM -> {
        collected.putAll(validate(step, fields == null ? Map.of() : fields));
        answer = "fields";
        next = step.next();
      }
      default ->
          throw new FlowInputException(
              "the flow has ended at step '" + step.id() + "'; start a new conversation");
    }
    List<FlowState.Visit> trail = new ArrayList<>(state.trail());
    if (!trail.isEmpty() && trail.get(trail.size() - 1).step().equals(step.id())) {
      trail.set(trail.size() - 1, new FlowState.Visit(step.id(), answer));
    } else {
      trail.add(new FlowState.Visit(step.id(), answer));
    }
    trail.add(new FlowState.Visit(next, null));
    if (trail.size() > FlowState.MAX_TRAIL) {
      throw new InvalidStateException(
          "this conversation is longer than any flow allows; start again");
    }
    return new FlowState(flow.id(), flow.revision(), next, trail, collected);
  }

  /**
   * The state one step back: the step before the current one is unanswered again, and what was
   * typed into forms is kept so the merchant can change it.
   *
   * @throws FlowInputException at the first step
   */
  public static FlowState back(Flow flow, FlowState state) {
    current(flow, state);
    List<FlowState.Visit> trail = new ArrayList<>(state.trail());
    if (trail.size() < 2) {
      throw new FlowInputException(
          "this is the first step of the guide; there is no step to go back to");
    }
    trail.remove(trail.size() - 1);
    String step = trail.get(trail.size() - 1).step();
    trail.set(trail.size() - 1, new FlowState.Visit(step, null));
    return new FlowState(flow.id(), flow.revision(), step, trail, state.fields());
  }

  /**
   * The fewest steps from {@code from} to the end of the flow, itself included, not counting "that
   * helped" exits: the "~6" in "step 3 of ~6".
   */
  public static int stepsLeft(Flow flow, String from) {
    Map<String, Integer> depth = new LinkedHashMap<>(Map.of(from, 1));
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String id = todo.poll();
      Step step = flow.step(id);
      if (step == null || step.isTerminal()) {
        return depth.get(id);
      }
      for (String n : step.kind() == StepKind.INFO ? List.of(step.next()) : step.successors()) {
        if (n != null && !depth.containsKey(n)) {
          depth.put(n, depth.get(id) + 1);
          todo.add(n);
        }
      }
    }
    return 1;
  }

  /** The step the state is at, after checking the state belongs to this flow as it is now. */
  public static Step current(Flow flow, FlowState state) {
    if (!flow.id().equals(state.flow())) {
      throw new InvalidStateException(
          "state belongs to flow '" + state.flow() + "', not '" + flow.id() + "'");
    }
    if (!flow.revision().equals(state.revision())) {
      throw new InvalidStateException(
          "the guided flow '"
              + flow.id()
              + "' has changed since this conversation started; start again");
    }
    Step step = flow.step(state.step());
    if (step == null) {
      throw new InvalidStateException(
          "step '" + state.step() + "' is not in flow '" + flow.id() + "'; start again");
    }
    return step;
  }

  private static Map<String, String> validate(Step step, Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> accepted = new LinkedHashMap<>();
    for (Step.Field field : step.fields()) {
      String value = values.get(field.id());
      if (value == null || value.isBlank()) {
        if (field.required()) {
          errors.put(field.id(), "is required");
        }
        continue;
      }
      String problem = field.type().problem(value);
      if (problem != null) {
        errors.put(field.id(), problem);
      } else {
        accepted.put(field.id(), value.strip());
      }
    }
    for (String key : values.keySet()) {
      if (step.fields().stream().noneMatch(f -> f.id().equals(key))) {
        errors.put(key, "is not a field of step '" + step.id() + "'");
      }
    }
    if (!errors.isEmpty()) {
      List<String> parts = new ArrayList<>();
      errors.forEach((k, v) -> parts.add(k + " " + v));
      throw new FlowInputException("some fields need fixing: " + String.join("; ", parts), errors);
    }
    return accepted;
  }

  /**
   * What the merchant already went through, one line per answered step, for the support e-mail: the
   * step's question or advice, then the answer.
   */
  public static List<String> transcript(Flow flow, FlowState state, String lang) {
    List<String> lines = new ArrayList<>();
    for (FlowState.Visit visit : state.trail()) {
      Step step = flow.step(visit.step());
      if (step == null || visit.answer() == null) {
        continue;
      }
      String answer =
          switch (step.kind()) {
            case CHOICE ->
                step.options().stream()
                    .filter(o -> o.id().equals(visit.answer()))
                    .map(o -> o.label().in(lang))
                    .findFirst()
                    .orElse(visit.answer());
            case INFO ->
                Words.in(lang)
                    .get(HELPED.equals(visit.answer()) ? "flow.helped" : "flow.notHelped");
            default -> Words.in(lang).get("flow.filledIn");
          };
      lines.add(firstSentence(step.prompt().in(lang)) + " → " + answer);
    }
    return lines;
  }

  private static String firstSentence(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    int end = flat.indexOf(". ");
    String s = end > 0 ? flat.substring(0, end + 1) : flat;
    return s.length() > 160 ? s.substring(0, 157) + "…" : s;
  }
}
