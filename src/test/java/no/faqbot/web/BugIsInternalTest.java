package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bug is a 500 with {@code internal}, whatever it throws (an IllegalArgumentException too, which
 * used to be answered as the client's 400), its stack trace only in the log; a refusal is an {@link
 * ApiException} with its code, status, details and headers.
 */
class BugIsInternalTest {
  private static Javalin server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    Routes routes =
        r -> {
          r.get(
              "/bug",
              ctx -> {
                throw new IllegalArgumentException("secret detail of a bug");
              });
          r.get(
              "/npe",
              ctx -> {
                throw new NullPointerException("another bug");
              });
          r.get(
              "/refused",
              ctx -> {
                throw new ApiException(ErrorCode.STALE_REVISION, "reload and retry")
                    .with("newest", 7)
                    .header("Retry-After", "3");
              });
          r.get("/parsed", ctx -> ctx.result(ApiException.parse(() -> parseDigit(ctx))));
          r.post("/form", ctx -> ctx.result(String.valueOf(ctx.formParam("a"))));
        };
    server =
        WebServer.create(
                new UploadLimits(1024, 1, () -> "too large"),
                Cors.parse(null),
                8,
                Set.of(),
                List.of(routes))
            .start("127.0.0.1", 0);
  }

  private static String parseDigit(io.javalin.http.Context ctx) {
    String d = ctx.queryParam("d");
    if (d == null || !d.matches("[0-9]")) {
      throw new IllegalArgumentException("d must be one digit");
    }
    return d;
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_illegal_argument_thrown_by_a_handler_is_a_500_logged_with_its_trace() throws Exception {
    try (LogCapture log = new LogCapture()) {
      HttpResponse<String> r = get("/bug");
      assertEquals(500, r.statusCode(), r.body());
      JsonNode body = Json.mapper().readTree(r.body());
      assertEquals("internal", body.path("code").asText(), r.body());
      assertFalse(r.body().contains("secret detail"), r.body());
      assertTrue(log.text().contains("secret detail of a bug"), log.text());
      assertTrue(log.text().contains("IllegalArgumentException"), log.text());
      assertFalse(log.stackTraces().isEmpty(), log.text());
    }
    HttpResponse<String> npe = get("/npe");
    assertEquals(500, npe.statusCode(), npe.body());
    assertFalse(npe.body().contains("another bug"), npe.body());
  }

  @Test
  void an_api_exception_is_answered_with_its_code_status_details_and_headers() throws Exception {
    HttpResponse<String> r = get("/refused");
    assertEquals(409, r.statusCode(), r.body());
    assertEquals(
        "{\"error\":\"reload and retry\",\"code\":\"stale_revision\",\"newest\":7}", r.body());
    assertEquals("3", r.headers().firstValue("Retry-After").orElse(""));
    assertEquals(
        Map.of("error", "reload and retry", "code", "stale_revision", "newest", 7),
        Json.mapper().readValue(r.body(), Map.class));
  }

  @Test
  void a_parser_of_input_turns_its_illegal_argument_into_a_400() throws Exception {
    assertEquals("4", get("/parsed?d=4").body());
    HttpResponse<String> r = get("/parsed?d=x");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("{\"error\":\"d must be one digit\",\"code\":\"bad_request\"}", r.body());
  }

  private static HttpResponse<String> postForm(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/form"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_form_with_broken_percent_encoding_is_no_500() throws Exception {
    assertEquals("A", postForm("a=%41").body());
    HttpResponse<String> r = postForm("a=%zz");
    // Jetty drops a field it cannot decode; what matters here is that it is not taken for a bug.
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("null", r.body());
  }

  @Test
  void a_query_with_broken_percent_encoding_is_the_clients_400() throws Exception {
    // Sent raw: Java's client refuses to send such an address.
    try (RawHttp raw = new RawHttp("http://127.0.0.1:" + server.port())) {
      String answer = raw.send("GET /parsed?d=%zz HTTP/1.1\r\nHost: x\r\n\r\n").answer();
      assertEquals(400, RawHttp.status(answer), answer);
    }
  }
}
