package no.faqbot.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.content.FaqFileParser;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.format.ContentProblem;

/**
 * The problems of a draft as the content loader would find them, with the file's line: the file's
 * own (YAML, keys, answer) and its links to the live content (related ids, flow), and the id, which
 * a draft may not change.
 */
final class DraftLint {
  private static final FaqFileParser PARSER = new FaqFileParser(new MarkdownRenderer());

  private DraftLint() {}

  static List<ContentProblem> problems(
      String text, String sourcePath, String lang, String id, ContentSnapshot live) {
    FaqFileParser.Result result = PARSER.parse(sourcePath, lang, text);
    List<ContentProblem> problems = new ArrayList<>(result.problems());
    FaqEntry entry = result.entry();
    if (entry == null) {
      return problems;
    }
    if (!entry.id().equals(id)) {
      problems.add(
          new ContentProblem(
              sourcePath,
              result.lineOf("id"),
              "the id is '"
                  + entry.id()
                  + "' but this entry is '"
                  + id
                  + "': a published id never changes (write id: "
                  + id
                  + ")"));
    }
    Set<String> ids = new HashSet<>();
    live.allEntries().forEach(e -> ids.add(e.id()));
    for (String related : entry.related()) {
      if (!ids.contains(related)) {
        problems.add(
            new ContentProblem(
                sourcePath,
                result.lineOf("related"),
                "related id '" + related + "' does not exist: use the id of another entry"));
      }
    }
    if (entry.flow() != null && live.flow(entry.flow()).isEmpty()) {
      problems.add(
          new ContentProblem(
              sourcePath,
              result.lineOf("flow"),
              "flow '"
                  + entry.flow()
                  + "' does not exist (flows: "
                  + String.join(", ", live.flows().keySet())
                  + ")"));
    }
    return problems;
  }
}
