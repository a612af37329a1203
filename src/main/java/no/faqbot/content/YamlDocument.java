package no.faqbot.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A parsed YAML mapping that remembers the line of every key, so problems can name the line an
 * editor has to fix. Paths are dotted ({@code steps.ask-env.next}).
 */
public final class YamlDocument {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private final JsonNode root;
  private final Map<String, Integer> keyLines;
  private final int firstLine;

  private YamlDocument(JsonNode root, Map<String, Integer> keyLines, int firstLine) {
    this.root = root;
    this.keyLines = keyLines;
    this.firstLine = firstLine;
  }

  /**
   * Parses {@code text}, whose first line is line {@code firstLine} of its file.
   *
   * @throws YamlError with the file line of the syntax error
   */
  public static YamlDocument parse(String text, int firstLine) throws YamlError {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      recordKeyLines(parser, lines, firstLine);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, firstLine);
    } catch (IOException e) {
      throw new YamlError(firstLine, "could not read YAML: " + e.getMessage());
    }
    try {
      JsonNode root = MAPPER.readTree(text);
      return new YamlDocument(root == null ? MissingNode.getInstance() : root, lines, firstLine);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, firstLine);
    }
  }

  /** One line naming the problem, with file lines instead of SnakeYAML's block-relative ones. */
  private static YamlError syntaxError(JsonProcessingException e, int firstLine) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        int line = firstLine + m.getProblemMark().getLine();
        String message = "invalid YAML: " + m.getProblem();
        if (m.getContext() != null && m.getContextMark() != null) {
          message += " (" + m.getContext() + " started at line " + (firstLine + m.getContextMark().getLine()) + ")";
        }
        return new YamlError(line, message.replaceAll("\\s+", " "));
      }
    }
    int line = e.getLocation() == null ? 1 : Math.max(e.getLocation().getLineNr(), 1);
    return new YamlError(firstLine - 1 + line, ("invalid YAML: " + e.getOriginalMessage()).replaceAll("\\s+", " "));
  }

  private static void recordKeyLines(JsonParser parser, Map<String, Integer> lines, int firstLine)
      throws IOException {
    ArrayDeque<String> path = new ArrayDeque<>();
    ArrayDeque<Boolean> inObject = new ArrayDeque<>();
    String pendingKey = null;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      switch (token) {
        case FIELD_NAME -> {
          pendingKey = parser.currentName();
          String full = path.isEmpty() ? pendingKey : String.join(".", reversed(path)) + "." + pendingKey;
          lines.putIfAbsent(full, firstLine - 1 + parser.currentTokenLocation().getLineNr());
        }
        case START_OBJECT, START_ARRAY -> {
          if (pendingKey != null) {
            path.push(pendingKey);
            inObject.push(true);
          } else {
            inObject.push(false);
          }
          pendingKey = null;
        }
        case END_OBJECT, END_ARRAY -> {
          if (!inObject.isEmpty() && inObject.pop() && !path.isEmpty()) {
            path.pop();
          }
        }
        default -> pendingKey = null;
      }
    }
  }

  private static List<String> reversed(ArrayDeque<String> path) {
    List<String> list = new ArrayList<>(path);
    Collections.reverse(list);
    return list;
  }

  public JsonNode root() {
    return root;
  }

  /** Line of the key at {@code dottedPath}, or of the document start when the key is absent. */
  public int lineOf(String dottedPath) {
    return keyLines.getOrDefault(dottedPath, firstLine);
  }

  /** Thrown for YAML that does not parse; carries the file line. */
  public static final class YamlError extends Exception {
    private final int line;

    YamlError(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
