package no.faqbot.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Ids;
import no.faqbot.format.Languages;
import no.faqbot.format.Sha256;
import no.faqbot.format.YamlDocument;

/**
 * Reads one flow file ({@code content/flows/<id>.yaml}) into a {@link Flow}, collecting every
 * problem.
 */
public final class FlowParser {
  private static final Pattern ID = Ids.PATTERN;
  private static final Pattern FIELD_ID = Pattern.compile("[a-z][A-Za-z0-9]*");

  /** The flow, or null with the problems that keep it from loading. */
  public record Result(Flow flow, List<ContentProblem> problems) {}

  public Result parse(String path, String text) {
    List<ContentProblem> problems = new ArrayList<>();
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(text, 1);
    } catch (YamlDocument.YamlError e) {
      problems.add(new ContentProblem(path, e.line(), e.getMessage()));
      return new Result(null, problems);
    }
    JsonNode root = doc.root();
    if (!root.isObject()) {
      problems.add(
          new ContentProblem(
              path,
              1,
              "a flow file must be a YAML mapping with version, id, title, triggers, start and steps"));
      return new Result(null, problems);
    }
    Reader r = new Reader(path, doc, problems);
    if (root.path("version").asInt(-1) != 1) {
      problems.add(
          new ContentProblem(
              path, doc.lineOf("version"), "missing or unsupported 'version': write 'version: 1'"));
    }
    String fileId = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
    String id = root.path("id").asText("");
    if (!id.equals(fileId)) {
      problems.add(
          new ContentProblem(
              path,
              doc.lineOf("id"),
              "id '" + id + "' must match the file name: write 'id: " + fileId + "'"));
    }
    Text title = r.text("title", root.get("title"));
    Map<String, List<String>> triggers = new LinkedHashMap<>();
    for (String lang : Languages.ALL) {
      List<String> list = new ArrayList<>();
      root.path("triggers")
          .path(lang)
          .forEach(
              t -> {
                if (!t.asText("").isBlank()) {
                  list.add(t.asText().strip());
                }
              });
      if (list.isEmpty()) {
        problems.add(
            new ContentProblem(
                path,
                doc.lineOf("triggers"),
                "triggers need at least one phrase in '"
                    + lang
                    + "': how merchants describe this problem"));
      }
      triggers.put(lang, list);
    }
    List<String> entries = new ArrayList<>();
    root.path("entries").forEach(e -> entries.add(e.asText()));
    String start = root.path("start").asText(null);
    if (start == null) {
      problems.add(new ContentProblem(path, 1, "missing 'start': name the first step"));
    }
    Map<String, Step> steps = new LinkedHashMap<>();
    JsonNode stepsNode = root.get("steps");
    if (stepsNode == null || !stepsNode.isObject() || stepsNode.isEmpty()) {
      problems.add(
          new ContentProblem(
              path, doc.lineOf("steps"), "missing 'steps': a mapping of step ids to steps"));
    } else {
      stepsNode
          .fields()
          .forEachRemaining(
              e -> {
                Step step = r.step(e.getKey(), e.getValue());
                if (step != null) {
                  steps.put(step.id(), step);
                }
              });
    }
    if (problems.isEmpty()) {
      FlowLinter.lint(path, start, steps, doc, problems);
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(
        new Flow(
            id,
            title,
            triggers,
            entries,
            start,
            steps,
            path,
            revision(text),
            doc.lineOf("entries")),
        problems);
  }

  private static String revision(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  /** Typed reading of a flow's parts, reporting each problem at its line. */
  private record Reader(String path, YamlDocument doc, List<ContentProblem> problems) {
    Text text(String dotted, JsonNode node) {
      Map<String, String> byLang = new LinkedHashMap<>();
      for (String lang : Languages.ALL) {
        String t = node == null ? "" : node.path(lang).asText("").strip();
        if (t.isEmpty()) {
          problems.add(
              new ContentProblem(
                  path,
                  doc.lineOf(dotted),
                  "'"
                      + dotted
                      + "' has no '"
                      + lang
                      + "' text: write "
                      + lastPart(dotted)
                      + ": {nb: ..., en: ...}"));
        }
        byLang.put(lang, t);
      }
      return new Text(byLang);
    }

    Step step(String id, JsonNode node) {
      String at = "steps." + id;
      if (!ID.matcher(id).matches()) {
        problems.add(
            new ContentProblem(
                path,
                doc.lineOf(at),
                "step id '" + id + "' must be kebab-case, e.g. 'check-plugin'"));
      }
      String kindText = node.path("kind").asText("");
      StepKind kind = StepKind.parse(kindText);
      if (kind == null) {
        problems.add(
            new ContentProblem(
                path,
                doc.lineOf(at + ".kind"),
                unknown("step '" + id + "'", "kind", kindText, "choice, info, form, email, end")));
        return null;
      }
      Text prompt = text(at + ".prompt", node.get("prompt"));
      List<Step.Option> options = new ArrayList<>();
      List<Step.Field> fields = new ArrayList<>();
      String next = node.path("next").asText(null);
      String resolved = node.path("resolved").asText(null);
      String outcome = node.path("outcome").asText(null);
      Text subject = Text.EMPTY;
      switch (kind) {
        case CHOICE -> {
          JsonNode list = node.path("options");
          for (int i = 0; i < list.size(); i++) {
            JsonNode o = list.get(i);
            String oid = o.path("id").asText("");
            String oat = at + ".options." + i;
            if (!ID.matcher(oid).matches()) {
              problems.add(
                  new ContentProblem(
                      path,
                      doc.lineOf(oat + ".id"),
                      "option " + (i + 1) + " of step '" + id + "' needs a kebab-case id"));
            }
            if (options.stream().anyMatch(x -> x.id().equals(oid))) {
              problems.add(
                  new ContentProblem(
                      path,
                      doc.lineOf(oat + ".id"),
                      "step '" + id + "' has two options with id '" + oid + "'"));
            }
            options.add(
                new Step.Option(
                    oid, text(oat + ".label", o.get("label")), o.path("next").asText(null)));
          }
          if (options.size() < 2) {
            problems.add(
                new ContentProblem(
                    path,
                    doc.lineOf(at + ".options"),
                    "choice step '" + id + "' needs at least two options"));
          }
        }
        case INFO -> {
          if (next == null || resolved == null) {
            problems.add(
                new ContentProblem(
                    path,
                    doc.lineOf(at),
                    "info step '"
                        + id
                        + "' needs 'resolved' (when the advice helped) and 'next' (when it did not)"));
          }
        }
        case FORM -> {
          JsonNode list = node.path("fields");
          for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String fat = at + ".fields." + i;
            String fid = f.path("id").asText("");
            if (!FIELD_ID.matcher(fid).matches()) {
              problems.add(
                  new ContentProblem(
                      path,
                      doc.lineOf(fat + ".id"),
                      "field " + (i + 1) + " of step '" + id + "' needs an id like 'storeId'"));
            }
            String typeText = f.path("type").asText("");
            FieldType type = FieldType.parse(typeText);
            if (type == null) {
              problems.add(
                  new ContentProblem(
                      path,
                      doc.lineOf(fat + ".type"),
                      unknown(
                          "field '" + fid + "'",
                          "type",
                          typeText,
                          "text, textarea, email, store-id, error-code, http-status, correlation-id,"
                              + " platform")));
              type = FieldType.TEXT;
            }
            fields.add(
                new Step.Field(
                    fid,
                    type,
                    text(fat + ".label", f.get("label")),
                    f.path("required").asBoolean(false)));
          }
          if (fields.isEmpty()) {
            problems.add(
                new ContentProblem(
                    path, doc.lineOf(at), "form step '" + id + "' needs at least one field"));
          }
          if (next == null) {
            problems.add(
                new ContentProblem(path, doc.lineOf(at), "form step '" + id + "' needs 'next'"));
          }
        }
        case EMAIL -> subject = text(at + ".subject", node.get("subject"));
        case END -> {
          if (!"resolved".equals(outcome) && !"closed".equals(outcome)) {
            problems.add(
                new ContentProblem(
                    path,
                    doc.lineOf(at + ".outcome"),
                    "end step '" + id + "' needs 'outcome: resolved' or 'outcome: closed'"));
          }
        }
      }
      return new Step(
          id, kind, prompt, options, fields, next, resolved, outcome, subject, doc.lineOf(at));
    }

    private static String lastPart(String dotted) {
      return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
  }

  /** {@code step 'x' has unknown kind 'y' (kinds: ...)}. */
  private static String unknown(String owner, String what, String value, String known) {
    return owner + " has unknown " + what + " '" + value + "' (" + what + "s: " + known + ")";
  }
}
