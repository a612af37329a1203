package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.faqbot.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart uploads arrive before their route runs, into a private file, under a deadline and a
 * minimum rate, a few at a time per client (issue 21, F7). Rules shortened: 3 s, 8 KB/s after 1 s.
 */
class SlowUploadTest {
  @TempDir Path spool;
  private Javalin server;
  private String base;

  @BeforeEach
  void start() {
    UploadLimits limits =
        new UploadLimits(
            1024 * 1024,
            2,
            () -> "too large",
            Duration.ofSeconds(3),
            8 * 1024,
            Duration.ofSeconds(1),
            2,
            ClientAddress.direct(),
            spool);
    Routes upload =
        routes ->
            routes.post(
                "/upload", ctx -> ctx.result("got " + ctx.formParam("description").length()));
    server =
        WebServer.create(limits, Cors.parse(null), 8, Set.of("/upload"), List.of(upload))
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static final String BOUNDARY = "----slow";

  private static String head(int length) {
    return "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary="
        + BOUNDARY
        + "\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  private static String body(int descriptionChars) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
        + "x".repeat(descriptionChars)
        + "\r\n--"
        + BOUNDARY
        + "--\r\n";
  }

  /** Sends the head and then 100 bytes every 100 ms (1 KB/s) from another thread. */
  private RawHttp trickle(int length) throws IOException {
    RawHttp raw = new RawHttp(base).send(head(length));
    Thread sender =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 100; i++) {
                  raw.send("x".repeat(100));
                  Thread.sleep(100);
                }
              } catch (IOException | InterruptedException closed) {
                // the server answered and closed
              }
            });
    sender.setDaemon(true);
    sender.start();
    return raw;
  }

  @Test
  void a_whole_upload_reaches_its_route_and_leaves_no_file() throws Exception {
    String body = body(200_000);
    try (RawHttp raw = new RawHttp(base)) {
      String answer = raw.send(head(body.length()) + body).answer();
      assertEquals(200, RawHttp.status(answer), answer);
      assertEquals("got 200000", RawHttp.body(answer));
    }
    assertEquals(0, files(), "the spooled body is deleted when the request ends: " + names());
  }

  @Test
  void an_upload_slower_than_the_minimum_rate_gets_a_json_408_without_a_stack_trace()
      throws Exception {
    try (LogCapture log = new LogCapture();
        RawHttp raw = trickle(400_000)) {
      long started = System.nanoTime();
      String answer = raw.answer();
      double seconds = (System.nanoTime() - started) / 1e9;
      assertEquals(408, RawHttp.status(answer), answer);
      assertTrue(RawHttp.body(answer).contains("\"code\":\"request_timeout\""), answer);
      assertTrue(seconds < 3, "refused after " + seconds + " s, at the first check after grace");
      assertFalse(log.text().contains("Exception"), log.text());
    }
    assertEquals(0, files(), "the partial body is deleted");
  }

  @Test
  void a_client_has_at_most_two_uploads_in_flight_then_429_until_one_ends() throws Exception {
    try (RawHttp first = new RawHttp(base).send(head(400_000));
        RawHttp second = new RawHttp(base).send(head(400_000))) {
      Thread.sleep(200); // both are taken in
      String body = body(10);
      try (RawHttp third = new RawHttp(base)) {
        String answer = third.send(head(body.length()) + body).answer();
        assertEquals(429, RawHttp.status(answer), answer);
        assertTrue(answer.contains("Retry-After"), answer);
      }
      assertEquals(408, RawHttp.status(first.answer()), "a stalled upload ends at the deadline");
      assertEquals(408, RawHttp.status(second.answer()));
      try (RawHttp fourth = new RawHttp(base)) {
        String answer = fourth.send(head(body.length()) + body).answer();
        assertEquals(200, RawHttp.status(answer), "places are given back: " + answer);
      }
    }
  }

  /** Files left in the spool once the request has completed (which follows its answer closely). */
  private long files() throws Exception {
    for (int i = 0; i < 40 && names().size() > 0; i++) {
      Thread.sleep(50);
    }
    return names().size();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
