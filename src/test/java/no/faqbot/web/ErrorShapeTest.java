package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One error shape, {"error", "code"}, for every refusal: Jetty's own, wrong methods, wrong content
 * types.
 */
class ErrorShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  private static void assertShape(int status, String code, int actualStatus, String body)
      throws Exception {
    assertEquals(status, actualStatus, body);
    JsonNode json = JSON.readTree(body);
    assertTrue(json.path("error").isTextual() && !json.path("error").asText().isBlank(), body);
    assertEquals(code, json.path("code").asText(), body);
    assertFalse(body.contains("<html") || body.contains("Exception"), body);
  }

  private static void assertShape(int status, String code, Reply r) throws Exception {
    assertShape(status, code, r.status(), r.body());
  }

  private static Reply post(String path, String contentType, String body) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends {@code request} as it is and checks the answer's shape; the whole answer. */
  private static String assertRawShape(int status, String code, String request) throws Exception {
    try (RawHttp raw = new RawHttp(server.base())) {
      String answer = raw.send(request).answer();
      assertShape(status, code, RawHttp.status(answer), RawHttp.body(answer));
      return answer;
    }
  }

  @Test
  void a_uri_too_long_is_a_json_414() throws Exception {
    String answer =
        assertRawShape(
            414,
            "uri_too_long",
            "GET /api/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json"), answer);
    assertTrue(answer.toLowerCase(Locale.ROOT).contains("x-content-type-options: nosniff"), answer);
  }

  @Test
  void headers_too_large_are_a_json_431() throws Exception {
    assertRawShape(
        431,
        "headers_too_large",
        "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
  }

  @Test
  void a_request_jetty_cannot_parse_is_a_json_400() throws Exception {
    assertRawShape(
        400, "bad_request", "POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n");
  }

  @Test
  void a_wrong_method_is_a_405_with_allow() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/feedback"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertShape(405, "method_not_allowed", r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Allow").orElse("").contains("POST"), r.headers().toString());
    assertShape(405, "method_not_allowed", server.get("/api/chat"));
    assertShape(404, "not_found", server.get("/api/not-a-route"));
    assertShape(404, "not_found", post("/not-a-route-either", "application/json", "{}"));
  }

  @Test
  void chat_and_feedback_take_only_json() throws Exception {
    assertShape(
        415, "unsupported_media_type", post("/api/chat", "text/plain", "{\"message\":\"hei\"}"));
    assertShape(
        415,
        "unsupported_media_type",
        post("/api/chat", "application/x-www-form-urlencoded", "message=hei"));
    assertShape(
        415,
        "unsupported_media_type",
        post("/api/feedback", "text/plain", "{\"entryId\":\"find-store-id\",\"helpful\":true}"));
    assertShape(
        415,
        "unsupported_media_type",
        post("/api/feedback", "application/x-www-form-urlencoded", "a=b"));
    assertEquals(
        200,
        post("/api/chat", "application/json; charset=utf-8", "{\"message\":\"hei\"}").status());
  }

  @Test
  void json_followed_by_garbage_is_refused() throws Exception {
    assertShape(
        400,
        "invalid_json",
        post("/api/chat", "application/json", "{\"message\":\"hei\"} trailing"));
    assertShape(
        400,
        "invalid_json",
        post("/api/chat", "application/json", "{\"message\":\"hei\"}{\"message\":\"x\"}"));
    assertShape(
        400,
        "invalid_json",
        post(
            "/api/feedback",
            "application/json",
            "{\"entryId\":\"find-store-id\",\"helpful\":true}]"));
    assertShape(400, "invalid_json", post("/api/chat", "application/json", "{not json"));
  }
}
