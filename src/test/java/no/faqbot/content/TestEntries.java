package no.faqbot.content;

import java.util.List;

/** FAQ entries for tests that need one without a content folder. */
public final class TestEntries {
  private TestEntries() {}

  /**
   * An nb entry from {@code <id>.md} with no alternatives, tags or related entries, offering {@code
   * flow} (or none); {@code answer} is its Markdown and its text.
   */
  public static FaqEntry.Article entry(String id, String question, String answer, String flow) {
    return new FaqEntry.Article(
        id,
        "nb",
        question,
        List.of(),
        "",
        List.of(),
        List.of(),
        null,
        flow,
        new FaqEntry.Answer(answer, answer, ""),
        id + ".md");
  }
}
