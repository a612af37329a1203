package no.faqbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The request log's lines: JSON that parses whatever the path holds, text on one line. */
class RequestLogTest {
  @Test
  void a_json_line_is_one_parseable_object_even_for_a_hostile_path() throws Exception {
    String line =
        new RequestLog(true)
            .line("GET", "/api/entries/\"x\\\n{}", "/api/entries/{id}", 404, 1_234_567);
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals("/api/entries/\"x\\\n{}", json.get("path").asText());
    assertEquals("/api/entries/{id}", json.get("route").asText());
    assertEquals(404, json.get("status").asInt());
    assertEquals(1.23, json.get("ms").asDouble());
    assertEquals(-1, line.indexOf('\n'), "one line");
  }

  @Test
  void a_text_line_has_method_path_status_and_time_on_one_line() {
    assertEquals(
        "POST /api/chat?x 200 0.08 ms",
        new RequestLog(false).line("POST", "/api/chat\nx", "/api/chat", 200, 80_000));
  }
}
