package no.faqbot.flow;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.YamlDocument;

/** Checks a flow's graph: every link leads somewhere, every step is reachable and can finish. */
final class FlowLinter {
  private FlowLinter() {}

  static void lint(
      String path,
      String start,
      Map<String, Step> steps,
      YamlDocument doc,
      List<ContentProblem> problems) {
    if (!steps.containsKey(start)) {
      problems.add(
          new ContentProblem(
              path,
              doc.lineOf("start"),
              "start step '"
                  + start
                  + "' does not exist (steps: "
                  + String.join(", ", steps.keySet())
                  + ")"));
      return;
    }
    boolean broken = false;
    for (Step step : steps.values()) {
      for (Map.Entry<String, String> link : links(step).entrySet()) {
        broken |=
            checkLink(
                path,
                doc.lineOf("steps." + step.id() + link.getKey()),
                step,
                link.getValue(),
                steps,
                problems);
      }
    }
    if (broken) {
      return;
    }
    Set<String> reachable = walk(start, steps);
    for (Step step : steps.values()) {
      if (!reachable.contains(step.id())) {
        problems.add(
            new ContentProblem(
                path,
                step.line(),
                "step '" + step.id() + "' is unreachable from start '" + start + "'"));
      } else if (!canFinish(step.id(), steps)) {
        problems.add(
            new ContentProblem(
                path,
                step.line(),
                "step '"
                    + step.id()
                    + "' never reaches an end or email step (a loop without a way out)"));
      }
    }
  }

  /**
   * Where a step leads, by the key after {@code steps.<id>} that says so: each option's {@code
   * next}, and the {@code next} of info and form steps and the {@code resolved} of info steps.
   */
  private static Map<String, String> links(Step step) {
    Map<String, String> links = new LinkedHashMap<>();
    for (int i = 0; i < step.options().size(); i++) {
      links.put(".options." + i + ".next", step.options().get(i).next());
    }
    if (step.kind() == StepKind.INFO || step.kind() == StepKind.FORM) {
      links.put(".next", step.next());
    }
    if (step.kind() == StepKind.INFO) {
      links.put(".resolved", step.resolved());
    }
    return links;
  }

  private static boolean checkLink(
      String path,
      int line,
      Step from,
      String to,
      Map<String, Step> steps,
      List<ContentProblem> problems) {
    if (to == null || !steps.containsKey(to)) {
      problems.add(
          new ContentProblem(
              path,
              line,
              "step '"
                  + from.id()
                  + "' leads to step '"
                  + to
                  + "', which does not exist (steps: "
                  + String.join(", ", steps.keySet())
                  + ")"));
      return true;
    }
    return false;
  }

  private static Set<String> walk(String from, Map<String, Step> steps) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        todo.addAll(steps.get(id).successors());
      }
    }
    return seen;
  }

  private static boolean canFinish(String from, Map<String, Step> steps) {
    return walk(from, steps).stream().anyMatch(id -> steps.get(id).isTerminal());
  }
}
