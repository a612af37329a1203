package no.faqbot.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Languages;
import no.faqbot.format.YamlDocument;

/**
 * The bot's own lines that are not FAQ answers (greetings, thanks, the honest "I don't know"), from
 * {@code content/replies.yaml} so editors can change them.
 */
public record CannedReplies(Map<String, Intent> intents, Map<String, List<String>> topics) {
  /** Intents the chat needs whatever the editors write. */
  public static final List<String> REQUIRED =
      List.of("fallback", "suggestions", "greeting", "thanks", "goodbye");

  /** Most topic chips the empty chat shows. */
  public static final int MAX_TOPICS = 4;

  public CannedReplies {
    intents = Map.copyOf(intents);
    topics = Map.copyOf(topics);
  }

  public CannedReplies(Map<String, Intent> intents) {
    this(intents, Map.of());
  }

  /**
   * The topic chips of the empty chat in {@code lang}: each one is sent as a question when tapped.
   */
  public List<String> topics(String lang) {
    return topics.getOrDefault(lang, topics.getOrDefault(Languages.DEFAULT, List.of()));
  }

  /**
   * A kind of message with the phrases that recognise it (none for fallback) and the reply per
   * language. {@code examples} (out-of-scope kinds only) are typical messages of that kind,
   * searched like an entry's alternatives: a message closer to them than to any entry gets this
   * reply.
   */
  public record Intent(
      String name,
      Map<String, List<String>> phrases,
      Map<String, String> reply,
      Map<String, List<String>> examples) {
    public Intent {
      phrases = Map.copyOf(phrases);
      reply = Map.copyOf(reply);
      examples = Map.copyOf(examples);
    }
  }

  public String reply(String intent, String lang) {
    Intent i = intents.get(intent);
    if (i == null) {
      return "";
    }
    return i.reply().getOrDefault(lang, i.reply().getOrDefault(Languages.DEFAULT, ""));
  }

  public static CannedReplies parse(String path, String text, List<ContentProblem> problems) {
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(text, 1);
    } catch (YamlDocument.YamlError e) {
      problems.add(new ContentProblem(path, e.line(), e.getMessage()));
      return null;
    }
    JsonNode root = doc.root();
    int before = problems.size();
    if (!root.isObject() || root.path("version").asInt() != 1) {
      problems.add(
          new ContentProblem(
              path, doc.lineOf("version"), "replies file must be a mapping with 'version: 1'"));
      return null;
    }
    Map<String, Intent> intents = new LinkedHashMap<>();
    Map<String, List<String>> topics = topics(path, doc, problems);
    root.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              if (name.equals("version") || name.equals("topics")) {
                return;
              }
              JsonNode node = field.getValue();
              Map<String, String> reply = new LinkedHashMap<>();
              Map<String, List<String>> phrases = new LinkedHashMap<>();
              Map<String, List<String>> examples = new LinkedHashMap<>();
              for (String lang : Languages.ALL) {
                String r = node.path("reply").path(lang).asText("").strip();
                if (r.isEmpty()) {
                  problems.add(
                      new ContentProblem(
                          path,
                          doc.lineOf(name + ".reply"),
                          "'"
                              + name
                              + "' has no reply in '"
                              + lang
                              + "': add reply: {"
                              + lang
                              + ": ...}"));
                }
                reply.put(lang, r);
                List<String> list = new ArrayList<>();
                node.path("phrases")
                    .path(lang)
                    .forEach(p -> list.add(p.asText().strip().toLowerCase(Locale.ROOT)));
                phrases.put(lang, list);
                List<String> typical = new ArrayList<>();
                node.path("examples").path(lang).forEach(p -> typical.add(p.asText().strip()));
                if (typical.stream().anyMatch(String::isEmpty)) {
                  problems.add(
                      new ContentProblem(
                          path,
                          doc.lineOf(name + ".examples"),
                          "'" + name + "' has an empty example in '" + lang + "'"));
                }
                examples.put(lang, typical);
              }
              if (!examples.values().stream().allMatch(List::isEmpty) && REQUIRED.contains(name)) {
                problems.add(
                    new ContentProblem(
                        path,
                        doc.lineOf(name + ".examples"),
                        "'"
                            + name
                            + "' cannot have examples: only an out-of-scope reply of its own is found by examples"));
              }
              intents.put(name, new Intent(name, phrases, reply, examples));
            });
    for (String required : REQUIRED) {
      if (!intents.containsKey(required)) {
        problems.add(
            new ContentProblem(path, 1, "missing '" + required + "': the chat needs this reply"));
      }
    }
    return problems.size() == before ? new CannedReplies(intents, topics) : null;
  }

  /**
   * {@code topics: {nb: [...], en: [...]}}: up to {@link #MAX_TOPICS} short questions per language.
   */
  private static Map<String, List<String>> topics(
      String path, YamlDocument doc, List<ContentProblem> problems) {
    JsonNode node = doc.root().path("topics");
    Map<String, List<String>> topics = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return topics;
    }
    for (String lang : Languages.ALL) {
      List<String> list = new ArrayList<>();
      node.path(lang).forEach(t -> list.add(t.asText().strip()));
      if (!node.path(lang).isArray()
          || list.isEmpty()
          || list.size() > MAX_TOPICS
          || list.contains("")) {
        problems.add(
            new ContentProblem(
                path,
                doc.lineOf("topics"),
                "topics needs a list of 1 to " + MAX_TOPICS + " questions in '" + lang + "'"));
      }
      topics.put(lang, list);
    }
    return topics;
  }

  /** The replies shipped with faqbot, used while the editors' file is missing or broken. */
  static CannedReplies shipped() {
    try (var in = CannedReplies.class.getResourceAsStream("default-replies.yaml")) {
      List<ContentProblem> ignored = new ArrayList<>();
      CannedReplies defaults =
          CannedReplies.parse(
              "default-replies.yaml",
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              ignored);
      if (defaults == null) {
        throw new IllegalStateException("bundled default-replies.yaml is invalid: " + ignored);
      }
      return defaults;
    } catch (IOException e) {
      throw new UncheckedIOException("bundled default-replies.yaml is missing", e);
    }
  }
}
