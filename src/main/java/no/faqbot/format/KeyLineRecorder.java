package no.faqbot.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Passes every token through and records the line of every key as a dotted path; list items are
 * numbered ({@code steps.a.options.1.next}). Every {@code next...} method goes through {@link
 * #nextToken}, so no token is missed whichever the tree reader calls.
 */
final class KeyLineRecorder extends JsonParserDelegate {
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

  private static String join(ArrayDeque<String> path, String key) {
    if (path.isEmpty()) {
      return key;
    }
    List<String> list = new ArrayList<>(path);
    Collections.reverse(list);
    return String.join(".", list) + "." + key;
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
}
