package no.faqbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
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

  @Test
  void logged_requests_reach_the_sink_in_order_from_the_writer_thread() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    RequestLog.Writer writer =
        new RequestLog.Writer(
            line -> {
              lines.add(line);
              threads.add(Thread.currentThread().getName());
            },
            lines::add);
    for (int i = 0; i < 500; i++) {
      writer.offer("line " + i);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (lines.size() < 500 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(IntStream.range(0, 500).mapToObj(i -> "line " + i).toList(), lines);
    assertEquals(Set.of("faqbot-request-log"), Set.copyOf(threads), "not the callers' thread");
  }
}
