package no.faqbot.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.web.Json;

/** Events written as CSV (RFC 4180, safe to open in a spreadsheet) or JSON Lines. */
final class EventExport {
  /** The columns in the table's order, by their export names. */
  static final List<String> COLUMNS =
      Arrays.stream(EventRow.Column.values()).map(EventRow.Column::field).toList();

  private static final ObjectMapper JSON = Json.mapper();

  private EventExport() {}

  /** The event's columns by export name: the time as ISO-8601, suggestions apart by spaces. */
  static Map<String, Object> fields(Event e) {
    Map<EventRow.Column, Object> values = EventRow.values(e);
    Map<String, Object> row = new LinkedHashMap<>();
    for (EventRow.Column c : EventRow.Column.values()) {
      Object value = values.get(c);
      row.put(
          c.field(),
          switch (c) {
            case AT -> Instant.ofEpochMilli((Long) value).toString();
            case KIND -> ((EventKind) value).column();
            case SUGGESTIONS -> value == null ? null : String.join(" ", EventRow.list(value));
            default -> value;
          });
    }
    return row;
  }

  static void csvHeader(Writer out) throws IOException {
    out.write(String.join(",", COLUMNS) + "\r\n");
  }

  static void csv(Event e, Writer out) {
    StringBuilder line = new StringBuilder();
    for (Object value : fields(e).values()) {
      if (line.length() > 0) {
        line.append(',');
      }
      line.append(cell(value));
    }
    write(out, line.append("\r\n").toString());
  }

  static void jsonLine(Event e, Writer out) {
    try {
      write(out, JSON.writeValueAsString(fields(e)) + "\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs a merchant's text
   * as a formula.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (value instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
