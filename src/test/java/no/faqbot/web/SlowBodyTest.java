package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import no.faqbot.config.ServerCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bodies that arrive slowly, never, or half do not cost the threads that answer chat. */
class SlowBodyTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  private static String partialChat() {
    return "POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"mess";
  }

  /**
   * Opens twice as many connections as there are HTTP threads, each sending {@code request} and
   * then nothing.
   */
  private static List<RawHttp> holdOpen(String request) throws Exception {
    List<RawHttp> slow = new ArrayList<>();
    for (int i = 0; i < 2 * ServerCatalogue.THREADS.fallback(); i++) {
      slow.add(new RawHttp(server.base()).send(request));
    }
    Thread.sleep(300); // let the server take them all in
    return slow;
  }

  /**
   * Another client's chat message is answered within seconds; it used to wait for the idle timeout
   * (30 s).
   */
  private static void assertChatAnswered() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/chat"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hei\",\"lang\":\"nb\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  private static void close(List<RawHttp> connections) throws Exception {
    for (RawHttp raw : connections) {
      raw.close();
    }
  }

  @Test
  void chat_is_answered_while_more_slow_bodies_are_open_than_there_are_threads() throws Exception {
    List<RawHttp> slow = holdOpen(partialChat());
    try {
      assertChatAnswered();
      // The slow ones still get their answer once the body is complete.
      String answer = slow.get(0).send("age\":\"hei\"}" + " ".repeat(400 - 17)).answer();
      assertEquals(200, RawHttp.status(answer), answer);
    } finally {
      close(slow);
    }
  }

  @Test
  void slow_multipart_bodies_outside_the_upload_routes_do_not_hold_threads_either()
      throws Exception {
    // With the login form's cookie, the login route reads the form's fields.
    List<RawHttp> slow =
        holdOpen(
            "POST /staff/login HTTP/1.1\r\nHost: x\r\nCookie: faqbot_login=t\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 400\r\n\r\n--b\r\n");
    try {
      assertChatAnswered();
    } finally {
      close(slow);
    }
  }

  @Test
  void a_body_that_never_completes_gets_a_json_408_at_the_deadline(@TempDir Path tmp)
      throws Exception {
    Duration deadline = Duration.ofSeconds(1); // 10 s in production: the same code path, sooner
    try (TestServer quick =
            new TestServer(TestSettings.in(tmp).fixture("good").bodyDeadline(deadline));
        RawHttp raw = new RawHttp(quick.base())) {
      long started = System.nanoTime();
      String answer = raw.send(partialChat()).answer();
      long millis = (System.nanoTime() - started) / 1_000_000L;
      assertEquals(408, RawHttp.status(answer), answer);
      assertTrue(RawHttp.body(answer).contains("\"code\":\"request_timeout\""), answer);
      assertTrue(millis >= deadline.toMillis() - 100, "answered after " + millis + " ms");
      assertTrue(
          millis < WebServer.BODY_DEADLINE.toMillis(),
          "the deadline set is the one kept: answered after " + millis + " ms");
    }
  }

  @Test
  void a_client_hanging_up_mid_body_logs_no_stack_trace() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 5; i++) {
        new RawHttp(server.base()).send(partialChat()).close();
      }
      Thread.sleep(500);
      assertEquals(200, server.chat("hei", "nb").status()); // and the server is fine
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertFalse(log.contains("\tat ") || log.contains("Exception"), log);
    assertTrue(log.lines().count() <= 5, log);
  }
}
