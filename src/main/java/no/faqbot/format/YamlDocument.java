package no.faqbot.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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
    // One pass: the tree is read through a parser that notes each key's line on the way.
    try (JsonParser parser = new KeyLineRecorder(FACTORY.createParser(text), lines, firstLine)) {
      JsonNode root = MAPPER.readTree(parser);
      return new YamlDocument(root == null ? MissingNode.getInstance() : root, lines, firstLine);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, text, firstLine);
    } catch (IOException e) {
      throw new YamlError(firstLine, "could not read YAML: " + e.getMessage());
    }
  }

  /**
   * One line naming the problem in plain words, English then bokmål, at the line of the mistake:
   * SnakeYAML reports some mistakes where it gave up (an unclosed quote at the end of the file, a
   * missing ':' on the next line), and in its own terms ("block end", "simple key").
   */
  private static YamlError syntaxError(JsonProcessingException e, String text, int firstLine) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        String problem = m.getProblem() == null ? "" : m.getProblem();
        String context = m.getContext() == null ? "" : m.getContext();
        int problemLine = m.getProblemMark().getLine();
        int contextLine = m.getContextMark() == null ? problemLine : m.getContextMark().getLine();
        String[] plain = plain(problem, context);
        int line = plain[2] != null ? contextLine : problemLine;
        int open = runawayQuote(text, line);
        if (open >= 0) {
          line = open;
          plain = QUOTE_NOT_CLOSED;
        }
        return new YamlError(
            firstLine + line,
            ("invalid YAML: " + plain[0] + " (ugyldig YAML: " + plain[1] + ")")
                .replaceAll("\\s+", " "));
      }
    }
    int line = e.getLocation() == null ? 1 : Math.max(e.getLocation().getLineNr(), 1);
    return new YamlError(
        firstLine - 1 + line, ("invalid YAML: " + e.getOriginalMessage()).replaceAll("\\s+", " "));
  }

  private static final String[] QUOTE_NOT_CLOSED = {
    "the text in quotes that starts on this line is never closed: end it with the same quote",
    "teksten i anførselstegn som starter på denne linjen, blir aldri avsluttet: avslutt den med"
        + " samme anførselstegn",
    "context"
  };

  /**
   * SnakeYAML's problem as {English, bokmål, "context" when the mistake is on the line where the
   * construct began rather than where SnakeYAML gave up (else null)}.
   */
  private static String[] plain(String problem, String context) {
    if (problem.contains("unknown escape character")) {
      return new String[] {
        "an unknown \\-escape in a double-quoted text: write \\\\ for a backslash",
        "ukjent \\-tegn i en tekst i doble anførselstegn: skriv \\\\ for en omvendt skråstrek",
        null
      };
    }
    if (context.contains("quoted scalar")) {
      return QUOTE_NOT_CLOSED;
    }
    if (problem.contains("could not find expected ':'")) {
      return new String[] {
        "this line has no 'key: value' (a ':' is missing after the key, or a text runs on to the"
            + " next line without quotes)",
        "linjen mangler 'nøkkel: verdi' (det mangler ':' etter nøkkelen, eller en tekst fortsetter"
            + " på neste linje uten anførselstegn)",
        "context"
      };
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      return new String[] {
        "the [list] that starts on this line is not closed, or an item holds ':', '?' or '#'"
            + " without quotes: close it with ] or put the item in double quotes",
        "listen i [ ] som starter på denne linjen, er ikke lukket, eller et element har ':', '?'"
            + " eller '#' uten anførselstegn: lukk den med ] eller sett elementet i doble"
            + " anførselstegn",
        "context"
      };
    }
    if (problem.contains("mapping values are not allowed")) {
      return new String[] {
        "a text holds ': ' without quotes, or the line is indented too far: put the text in"
            + " double quotes",
        "en tekst har ': ' uten anførselstegn, eller linjen er rykket for langt inn: sett teksten i"
            + " doble anførselstegn",
        null
      };
    }
    if (problem.contains("cannot start any token") && problem.contains("\\t")) {
      return new String[] {
        "the line is indented with a tab: indent with spaces",
        "linjen er rykket inn med tabulator: bruk mellomrom",
        null
      };
    }
    if (problem.contains("cannot start any token")
        || problem.contains("alias")
        || problem.contains("anchor")) {
      return new String[] {
        "the text starts with a character YAML reserves (such as @ ` * & ! % |): put it in double"
            + " quotes",
        "teksten starter med et tegn YAML bruker selv (som @ ` * & ! % |): sett den i doble"
            + " anførselstegn",
        null
      };
    }
    if (problem.startsWith("expected <block end>")) {
      return new String[] {
        "this line is not indented like the lines above, or text follows a closing quote: keys"
            + " start at the left edge, list items ('- ') two spaces in under their key",
        "linjen er ikke rykket inn som linjene over, eller det står tekst etter et avsluttende"
            + " anførselstegn: nøkler starter helt til venstre, listepunkter ('- ') to mellomrom inn"
            + " under nøkkelen",
        null
      };
    }
    String raw = problem + (context.isEmpty() ? "" : " (" + context + ")");
    return new String[] {raw, raw, null};
  }

  /**
   * The line (0-based) of a double quote opened before {@code errorLine} and still open there, or
   * -1: such a quote swallows the lines after it, so the error shows up only at the next quote.
   */
  static int runawayQuote(String text, int errorLine) {
    String[] lines = text.split("\r?\n", -1);
    int open = -1;
    for (int i = 0; i < Math.min(errorLine, lines.length); i++) {
      String line = lines[i];
      int from = 0;
      if (open < 0) {
        int value = valueStart(line);
        if (value < 0 || value >= line.length() || line.charAt(value) != '"') {
          continue;
        }
        open = i;
        from = value + 1;
      }
      for (int c = from; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '\\') {
          c++;
        } else if (ch == '"') {
          open = -1;
          break; // closed; a quote later on this line starts nothing we track
        }
      }
    }
    return open;
  }

  /** Where the value of a {@code key: value} or {@code - value} line starts, or -1. */
  private static int valueStart(String line) {
    String trimmed = line.stripLeading();
    int indent = line.length() - trimmed.length();
    if (trimmed.startsWith("- ")) {
      return indent
          + 2
          + (trimmed.substring(2).length() - trimmed.substring(2).stripLeading().length());
    }
    int colon = trimmed.indexOf(": ");
    if (colon < 0 || trimmed.startsWith("\"") || trimmed.startsWith("#")) {
      return -1;
    }
    String rest = trimmed.substring(colon + 2);
    return indent + colon + 2 + (rest.length() - rest.stripLeading().length());
  }

  /**
   * An open mapping or list while reading: whether it added a path element, and its list item
   * count.
   */
  private static final class Frame {
    final boolean pushed;
    final boolean list;
    int nextItem;

    Frame(boolean pushed, boolean list) {
      this.pushed = pushed;
      this.list = list;
    }
  }

  /**
   * Passes every token through and records the line of every key as a dotted path; list items are
   * numbered ({@code steps.a.options.1.next}). Every {@code next...} method goes through {@link
   * #nextToken}, so no token is missed whichever the tree reader calls.
   */
  private static final class KeyLineRecorder extends JsonParserDelegate {
    private final Map<String, Integer> lines;
    private final int firstLine;
    private final ArrayDeque<String> path = new ArrayDeque<>();
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private String pendingKey;

    KeyLineRecorder(JsonParser parser, Map<String, Integer> lines, int firstLine) {
      super(parser);
      this.lines = lines;
      this.firstLine = firstLine;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (token == null) {
        return null;
      }
      if (token == JsonToken.FIELD_NAME) {
        pendingKey = delegate.currentName();
        lines.putIfAbsent(
            join(path, pendingKey), firstLine - 1 + delegate.currentTokenLocation().getLineNr());
        return token;
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
      return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public String nextFieldName() throws IOException {
      return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
      return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.VALUE_TRUE
          ? Boolean.TRUE
          : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      if (currentToken() == JsonToken.START_OBJECT || currentToken() == JsonToken.START_ARRAY) {
        int depth = 1;
        while (depth > 0) {
          JsonToken token = nextToken();
          if (token == null) {
            break;
          }
          if (token.isStructStart()) {
            depth++;
          } else if (token.isStructEnd()) {
            depth--;
          }
        }
      }
      return this;
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
