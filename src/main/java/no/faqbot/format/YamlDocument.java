package no.faqbot.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

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
    // One pass: the tree is read through a parser that notes each key's line on the way.
    try (JsonParser parser = new KeyLineRecorder(FACTORY.createParser(text), lines, firstLine)) {
      JsonNode root = MAPPER.readTree(parser);
      return new YamlDocument(root == null ? MissingNode.getInstance() : root, lines, firstLine);
    } catch (JsonProcessingException e) {
      throw YamlSyntaxError.of(e, text, firstLine);
    } catch (IOException e) {
      throw new YamlError(firstLine, "could not read YAML: " + e.getMessage());
    }
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
