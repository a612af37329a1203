package no.faqbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import no.faqbot.FaqbotServer;
import no.faqbot.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Issue 21 F11: every request, also a 429 and a staff 401, is a log line with a timestamp, level,
 * request id (the one in {@code X-Request-Id}) and route template, and a count per status in {@code
 * /metrics}; as text or as JSON.
 */
class RequestLogTest {
  private static final LoggerContext LOGBACK = (LoggerContext) LoggerFactory.getILoggerFactory();
  private static final Logger REQUESTS = LOGBACK.getLogger("no.faqbot.requests");

  @RegisterExtension
  static final FaqbotServer server =
      new FaqbotServer(s -> s.fixture("good").limit("FAQBOT_LIMIT_CHAT", "1/min"));

  final HttpClient client = HttpClient.newHttpClient();
  private Level quiet;

  @BeforeAll
  static void start() {
    server.app().awaitReady();
  }

  /** Tests run quiet (warn); these need the request lines. */
  @BeforeEach
  void requestLines() {
    quiet = REQUESTS.getLevel();
    REQUESTS.setLevel(Level.INFO);
  }

  @AfterEach
  void quietAgain() {
    REQUESTS.setLevel(quiet);
  }

  @Test
  void rate_limited_and_unauthorized_requests_are_logged_with_time_level_id_and_route()
      throws Exception {
    try (LogCapture log = new LogCapture()) {
      HttpResponse<String> first = chat();
      HttpResponse<String> limited = chat();
      assertEquals(429, limited.statusCode(), limited.body());
      HttpResponse<String> staff = get("/staff/search");
      assertEquals(401, staff.statusCode(), staff.body());
      String id = limited.headers().firstValue("X-Request-Id").orElseThrow();
      assertTrue(!id.equals(first.headers().firstValue("X-Request-Id").orElseThrow()));
      String line = awaitLine(log, l -> l.contains("[" + id + "]"));
      assertTrue(
          line.matches(
              "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  requests \\["
                  + id
                  + "\\] POST /api/chat 429 \\d+\\.\\d+ ms route=/api/chat"),
          line);
      String staffId = staff.headers().firstValue("X-Request-Id").orElseThrow();
      String staffLine = awaitLine(log, l -> l.contains("[" + staffId + "]"));
      assertTrue(staffLine.contains(" GET /staff/search 401 "), staffLine);
      assertTrue(staffLine.endsWith("route=/staff/search"), staffLine);
    }
    String metrics = get("/metrics").body();
    assertTrue(
        metrics.contains(
            "faqbot_http_requests_seconds_count{method=\"POST\",route=\"/api/chat\",status=\"429\"} 1"),
        metrics);
    assertTrue(metrics.contains("route=\"/staff/search\",status=\"401\"}"), metrics);
  }

  @Test
  void json_lines_carry_each_field_and_a_long_path_is_cut() throws Exception {
    Logger root = LOGBACK.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    OutputStreamAppender<ILoggingEvent> console =
        (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
    Encoder<ILoggingEvent> text = console.getEncoder();
    try (LogCapture log = new LogCapture()) {
      LogFormat.use(true);
      String path = "/api/entries/" + "x\"\\".repeat(500);
      HttpResponse<String> r = get(path.replace("\"", "%22").replace("\\", "%5C"));
      assertEquals(404, r.statusCode());
      String id = r.headers().firstValue("X-Request-Id").orElseThrow();
      String line = awaitLine(log, l -> l.contains("\"requestId\":\"" + id + "\""));
      JsonNode json = new ObjectMapper().readTree(line);
      assertTrue(json.path("@timestamp").asText().endsWith("Z"), line);
      assertEquals("INFO", json.path("level").asText());
      assertEquals("GET", json.path("method").asText());
      assertEquals("/api/entries/{id}", json.path("route").asText());
      assertEquals(404, json.path("status").asInt());
      assertTrue(json.path("ms").isNumber(), line);
      assertEquals(RequestLog.MAX_PATH, json.path("path").asText().length());
      assertTrue(line.length() < 1_000, "bounded: " + line.length());
    } finally {
      console.stop();
      console.setEncoder(text);
      console.start();
    }
  }

  private static String awaitLine(LogCapture log, Predicate<String> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines = log.text().lines().filter(wanted).toList();
      if (!lines.isEmpty()) {
        return lines.get(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such line in:\n" + log.text());
  }

  private HttpResponse<String> chat() throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.base() + "/api/chat"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hei\",\"lang\":\"nb\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
