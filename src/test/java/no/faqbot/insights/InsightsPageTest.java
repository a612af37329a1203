package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff insights page and its JSON over a conversation recorded through the real server. */
class InsightsPageTest {
  static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.staff());

  @BeforeAll
  static void start() {
    String c = "\"conversation\":\"" + RecordingTest.CONVERSATION + "\"";
    server.postJson(
        "/api/chat", "{\"message\":\"hvor finner jeg butikk-ID?\",\"lang\":\"nb\"," + c + "}");
    server.postJson("/api/chat", "{\"message\":\"qwxz blorp\",\"lang\":\"nb\"," + c + "}");
    server.postJson("/api/chat", "{\"message\":\"where do I find the store ID?\",\"lang\":\"en\"}");
    server.postJson(
        "/api/feedback",
        "{\"entryId\":\"find-store-id\",\"helpful\":true,\"lang\":\"nb\"," + c + "}");
    assertTrue(server.app().insights().recorder().flush(5000));
  }

  static HttpResponse<String> staffGet(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", BASIC)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void the_json_has_the_figures_per_language() throws Exception {
    HttpResponse<String> nb = staffGet("/staff/api/insights?days=30&lang=nb");
    assertEquals(200, nb.statusCode(), nb.body());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(nb.body());
    assertEquals(1, json.get("conversations").asInt());
    assertEquals(2, json.get("messages").asInt());
    assertEquals(1, json.at("/replies/answered").asInt());
    assertEquals(1, json.at("/replies/fellBack").asInt());
    assertEquals(1.0, json.get("helpfulRate").asDouble());
    assertEquals(30, json.get("perDay").size());
    assertEquals(
        3,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(staffGet("/staff/api/insights?days=7").body())
            .get("messages")
            .asInt(),
        "all languages");
    assertEquals(400, staffGet("/staff/api/insights?days=30&lang=xx").statusCode());
    assertEquals(400, staffGet("/staff/api/insights?days=0").statusCode());
    Reply anonymous = server.get("/staff/api/insights");
    assertEquals(401, anonymous.status());
  }

  @Test
  void the_page_draws_its_charts_as_svg_under_a_strict_csp() throws Exception {
    HttpResponse<String> page = staffGet("/staff/insights?days=7");
    assertEquals(200, page.statusCode(), page.body());
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.startsWith("default-src 'none'") && !csp.contains("unsafe"), csp);
    assertTrue(
        page.body().contains("<svg") && page.body().contains("class=\"chart\""), page.body());
    assertTrue(page.body().contains("find-store-id"), "top entries");
    assertTrue(
        !page.body().contains("<script") && !page.body().contains("style=\""),
        "nothing inline for the CSP to block");
  }
}
