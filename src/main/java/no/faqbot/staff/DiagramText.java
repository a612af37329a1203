package no.faqbot.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import no.faqbot.flow.Step;
import no.faqbot.flow.StepKind;
import no.faqbot.format.Words;

/** The words a flow diagram shows: Markdown as plain text, arrow labels, shortened lines. */
final class DiagramText {
  private DiagramText() {}

  /** Markdown as the reader sees it: no {@code **}, backticks, link targets or list dashes. */
  static String plain(String markdown) {
    return markdown
        .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("(?m)^\\s*(?:[-*+]|\\d+\\.)\\s+", "")
        .replaceAll("(?m)^#+\\s*", "")
        .replaceAll("\\*\\*|__|`|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  static String shorten(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  /** The box line of an info step for its "that helped" exit, or null for other steps. */
  static String resolvedLine(Step step, String lang) {
    return step.kind() == StepKind.INFO && step.resolved() != null
        ? "✓ " + Words.in(lang).get("diagram.helped") + " → " + step.resolved()
        : null;
  }

  /**
   * Each next step with the label of the arrow that leads there (options to the same step joined).
   */
  static Map<String, String> edges(Step step, String lang) {
    Map<String, String> edges = new LinkedHashMap<>();
    switch (step.kind()) {
      case CHOICE ->
          step.options()
              .forEach(o -> edges.merge(o.next(), o.label().in(lang), (a, b) -> a + " / " + b));
      // "That helped" is a line in the advice's box (see resolvedLine), not an arrow: every piece
      // of
      // advice has one, and a dozen arrows into the same end step make the diagram unreadably wide.
      case INFO -> edges.put(step.next(), Words.in(lang).get("diagram.notHelped"));
      case FORM -> edges.put(step.next(), Words.in(lang).get("diagram.filledIn"));
      default -> {}
    }
    return edges;
  }
}
