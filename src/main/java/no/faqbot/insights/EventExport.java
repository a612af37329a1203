package no.faqbot.insights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.faqbot.web.Json;

/** Events written as CSV (RFC 4180, safe to open in a spreadsheet) or JSON Lines. */
final class EventExport {
  /** The columns in the table's order, by their export names. */
  static final List<String> COLUMNS =
      Arrays.stream(EventRow.Column.values()).map(EventRow.Column::field).toList();

  private static final ObjectMapper JSON = Json.mapper();

  /**
   * RFC 4180: a header, CRLF after each row, quotes only around a cell with a comma, quote, CR or
   * LF (strict checking; the loose default also quotes every cell over 24 characters). Rows go into
   * the caller's writer as its buffer fills, never flushed row by row; the caller flushes it.
   */
  private static final ObjectWriter CSV =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .build()
          .writer(
              CsvSchema.builder()
                  .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
                  .setUseHeader(true)
                  .setLineSeparator("\r\n")
                  .build());

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

  /** A CSV export into {@code out}: a row per event accepted, the header before the first. */
  static CsvRows csv(Writer out) throws IOException {
    return new CsvRows(CSV.writeValues(out));
  }

  static void jsonLine(Event e, Writer out) {
    try {
      out.write(JSON.writeValueAsString(fields(e)) + "\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Text beginning with = + - @, a tab or CR gets a leading {@code '} so a spreadsheet never runs a
   * merchant's text as a formula; numbers and the rest are left as they are.
   */
  static Object defused(Object value) {
    if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return value;
  }

  /**
   * The rows of a CSV export; closing writes the header if no row did and leaves the writer open.
   */
  static final class CsvRows implements Consumer<Event>, Closeable {
    private final SequenceWriter rows;

    private CsvRows(SequenceWriter rows) {
      this.rows = rows;
    }

    @Override
    public void accept(Event e) {
      Map<String, Object> row = fields(e);
      row.replaceAll((column, value) -> defused(value));
      try {
        rows.write(row);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }
}
