package no.faqbot.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Ids;
import no.faqbot.format.YamlDocument;

/**
 * Reads one FAQ Markdown file with YAML front matter into a {@link FaqEntry}, collecting all
 * problems.
 */
public final class FaqFileParser {
  private static final Set<String> KNOWN_KEYS =
      Set.of(
          "version",
          "id",
          "question",
          "alternatives",
          "section",
          "tags",
          "related",
          "updated",
          "flow");
  private static final int MAX_TEXT = 10_000;

  private final MarkdownRenderer markdown;

  public FaqFileParser(MarkdownRenderer markdown) {
    this.markdown = markdown;
  }

  /**
   * The parsed entry (or null with the problems that keep it from loading) and the line of each
   * front-matter key, for problems found later across files.
   */
  public record Result(
      FaqEntry.Article entry, List<ContentProblem> problems, Map<String, Integer> keyLines) {
    public Result {
      problems = List.copyOf(problems);
      keyLines = Map.copyOf(keyLines);
    }

    /** Line of a front-matter key; the first line of the front matter when the key is absent. */
    public int lineOf(String key) {
      return keyLines.getOrDefault(key, FRONT_MATTER_LINE);
    }
  }

  /** The front matter's YAML starts on the file's second line, after the opening '---'. */
  static final int FRONT_MATTER_LINE = 2;

  private static Result failed(List<ContentProblem> problems, YamlDocument doc) {
    return new Result(null, problems, doc == null ? Map.of() : keyLines(doc));
  }

  private static Map<String, Integer> keyLines(YamlDocument doc) {
    Map<String, Integer> lines = new HashMap<>();
    KNOWN_KEYS.forEach(key -> lines.put(key, doc.lineOf(key)));
    return lines;
  }

  public Result parse(String path, String lang, String text) {
    List<ContentProblem> problems = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(
          new ContentProblem(
              path,
              1,
              "missing front matter: the file must start with a line '---', then YAML, then '---'"));
      return failed(problems, null);
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      problems.add(
          new ContentProblem(
              path, 1, "front matter is not closed: add a line '---' after the YAML"));
      return failed(problems, null);
    }
    String yaml = String.join("\n", List.of(lines).subList(1, close));
    String body = String.join("\n", List.of(lines).subList(close + 1, lines.length)).strip();
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(yaml, FRONT_MATTER_LINE);
    } catch (YamlDocument.YamlError e) {
      problems.add(new ContentProblem(path, e.line(), e.getMessage()));
      return failed(problems, null);
    }
    JsonNode root = doc.root();
    if (!root.isObject()) {
      problems.add(
          new ContentProblem(path, 2, "front matter must be a YAML mapping of keys to values"));
      return failed(problems, doc);
    }
    Fields f = new Fields(path, doc, problems);
    root.fieldNames()
        .forEachRemaining(
            key -> {
              if (!KNOWN_KEYS.contains(key)) {
                problems.add(
                    new ContentProblem(
                        path,
                        doc.lineOf(key),
                        "unknown key '"
                            + key
                            + "' (known keys: "
                            + String.join(", ", KNOWN_KEYS.stream().sorted().toList())
                            + ")"));
              }
            });
    JsonNode version = root.get("version");
    if (version == null) {
      problems.add(new ContentProblem(path, 2, "missing 'version': add 'version: 1'"));
    } else if (!version.isInt() || version.intValue() != 1) {
      problems.add(
          new ContentProblem(
              path,
              doc.lineOf("version"),
              "unsupported version '" + version.asText() + "': this faqbot reads version 1"));
    }
    String id = f.requiredText("id", "a stable id in kebab-case, e.g. 'find-store-id'");
    if (id != null && !Ids.PATTERN.matcher(id).matches()) {
      problems.add(
          new ContentProblem(
              path,
              doc.lineOf("id"),
              "id '"
                  + id
                  + "' must be lower-case letters, digits and single dashes, e.g. 'find-store-id'"));
    }
    String question = f.requiredText("question", "the main question as a merchant would ask it");
    String section = f.requiredText("section", "the section the entry belongs to, e.g. 'Generelt'");
    List<String> alternatives = f.textList("alternatives");
    List<String> tags = f.textList("tags");
    List<String> related = f.textList("related");
    for (String r : related) {
      if (!Ids.PATTERN.matcher(r).matches()) {
        problems.add(
            new ContentProblem(
                path, doc.lineOf("related"), "related id '" + r + "' is not a valid id"));
      }
    }
    LocalDate updated = null;
    String updatedText = f.optionalText("updated");
    if (updatedText != null) {
      try {
        updated = LocalDate.parse(updatedText);
      } catch (DateTimeParseException e) {
        problems.add(
            new ContentProblem(
                path,
                doc.lineOf("updated"),
                "updated '" + updatedText + "' is not a date: write it as YYYY-MM-DD"));
      }
    }
    String flow = f.optionalText("flow");
    if (flow != null && !Ids.PATTERN.matcher(flow).matches()) {
      problems.add(
          new ContentProblem(path, doc.lineOf("flow"), "flow id '" + flow + "' is not a valid id"));
    }
    if (body.isEmpty()) {
      problems.add(
          new ContentProblem(
              path,
              close + 1,
              "empty answer: write the answer in Markdown below the closing '---'"));
    } else if (body.length() > MAX_TEXT) {
      problems.add(
          new ContentProblem(
              path,
              close + 2,
              "answer is " + body.length() + " characters; keep it under " + MAX_TEXT));
    }
    if (!problems.isEmpty()) {
      return failed(problems, doc);
    }
    MarkdownRenderer.Rendered answer = markdown.render(body);
    FaqEntry.Article entry =
        new FaqEntry.Article(
            id,
            lang,
            question,
            alternatives,
            section,
            tags,
            related,
            updated,
            flow,
            new FaqEntry.Answer(body, answer.text(), answer.html()),
            path);
    return new Result(entry, problems, keyLines(doc));
  }

  /** Typed access to front-matter keys that reports wrong types with their line. */
  private record Fields(String path, YamlDocument doc, List<ContentProblem> problems) {
    String requiredText(String key, String hint) {
      String value = optionalText(key);
      if (value == null && doc.root().get(key) == null) {
        problems.add(
            new ContentProblem(path, 2, "missing '" + key + "': add " + key + ": <" + hint + ">"));
      } else if (value != null && value.isBlank()) {
        problems.add(
            new ContentProblem(path, doc.lineOf(key), "'" + key + "' is empty: write " + hint));
        return null;
      }
      return value;
    }

    String optionalText(String key) {
      JsonNode node = doc.root().get(key);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isValueNode()) {
        problems.add(
            new ContentProblem(path, doc.lineOf(key), "'" + key + "' must be a single text value"));
        return null;
      }
      return node.asText().strip();
    }

    List<String> textList(String key) {
      JsonNode node = doc.root().get(key);
      List<String> values = new ArrayList<>();
      if (node == null || node.isNull()) {
        return values;
      }
      if (!node.isArray()) {
        problems.add(
            new ContentProblem(
                path,
                doc.lineOf(key),
                "'"
                    + key
                    + "' must be a list, e.g. "
                    + key
                    + ": [first, second] or one '- item' per line"));
        return values;
      }
      for (JsonNode item : node) {
        if (!item.isValueNode() || item.asText().isBlank()) {
          problems.add(
              new ContentProblem(
                  path, doc.lineOf(key), "'" + key + "' has an empty or nested item"));
        } else {
          values.add(item.asText().strip());
        }
      }
      return values;
    }
  }
}
