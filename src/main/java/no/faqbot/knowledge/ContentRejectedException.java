package no.faqbot.knowledge;

import java.util.List;
import no.faqbot.format.ContentProblem;

/** A change would have made the content invalid, so it was not published. */
public final class ContentRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ContentProblem> problems;

  public ContentRejectedException(List<ContentProblem> problems) {
    super(
        "the change makes the content invalid ("
            + (problems.isEmpty() ? "unknown problem" : problems.get(0))
            + "); nothing was published");
    this.problems = List.copyOf(problems);
  }

  public List<ContentProblem> problems() {
    return problems;
  }
}
