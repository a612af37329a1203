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

  /** An open mapping or list while scanning: whether it added a path element, and list item count. */
  private static final class Frame {
    final boolean pushed;
    final boolean list;
    int nextItem;

    Frame(boolean pushed, boolean list) {
      this.pushed = pushed;
      this.list = list;
    }
  }

  /** Records the line of every key as a dotted path; list items are numbered ({@code steps.a.options.1.next}). */
  private static void recordKeyLines(JsonParser parser, Map<String, Integer> lines, int firstLine)
      throws IOException {
    ArrayDeque<String> path = new ArrayDeque<>();
    ArrayDeque<Frame> frames = new ArrayDeque<>();
    String pendingKey = null;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (token == JsonToken.FIELD_NAME) {
        pendingKey = parser.currentName();
        lines.putIfAbsent(join(path, pendingKey), firstLine - 1 + parser.currentTokenLocation().getLineNr());
        continue;
      }
      String element = pendingKey;
      pendingKey = null;
      if (element == null && !frames.isEmpty() && frames.peek().list) {
        element = String.valueOf(frames.peek().nextItem++);
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        if (element != null) {
          path.push(element);
        }
        frames.push(new Frame(element != null, token == JsonToken.START_ARRAY));
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        if (!frames.isEmpty() && frames.pop().pushed && !path.isEmpty()) {
          path.pop();
        }
      }
    }
  }

  private static String join(ArrayDeque<String> path, String key) {
    if (path.isEmpty()) {
      return key;
    }
    List<String> list = new ArrayList<>(path);
    Collections.reverse(list);
    return String.join(".", list) + "." + key;
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
