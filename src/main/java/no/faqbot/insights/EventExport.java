package no.faqbot.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.web.Json;

/** Events written as CSV (RFC 4180, safe to open in a spreadsheet) or JSON Lines. */
final class EventExport {
  static final List<String> COLUMNS =
      List.of(
          "at",
          "kind",
          "conversation",
          "lang",
          "message",
          "replyType",
          "entryId",
          "score",
          "runnerUpId",
          "runnerUpScore",
          "suggestions",
          "flowId",
          "flowStep",
          "flowOutcome",
          "helpful",
          "caseRef",
          "problem",
          "errorCode");
  private static final ObjectMapper JSON = Json.mapper();

  private EventExport() {}

  static Map<String, Object> fields(Event e) {
    List<Object> values = new ArrayList<>();
    values.add(Instant.ofEpochMilli(e.at()).toString());
    values.add(e.kind().column());
    values.add(e.conversation());
    values.add(e.lang());
    values.add(e.message());
    values.add(e.replyType());
    values.add(e.entryId());
    values.add(e.score());
    values.add(e.runnerUpId());
    values.add(e.runnerUpScore());
    values.add(e.suggestions().isEmpty() ? null : String.join(" ", e.suggestions()));
    values.add(e.flowId());
    values.add(e.flowStep());
    values.add(e.flowOutcome());
    values.add(e.helpful());
    values.add(e.caseRef());
    values.add(e.problem());
    values.add(e.errorCode());
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      row.put(COLUMNS.get(i), values.get(i));
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
