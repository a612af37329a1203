package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API on a real server over the fixture content. */
class ApiTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  private static void assertError(Reply r, int status) {
    assertEquals(status, r.status(), r.body());
    assertTrue(
        r.json() != null
            && r.json().path("error").isTextual()
            && !r.json().path("error").asText().isBlank(),
        "error body must be {\"error\": ...}: " + r.body());
    assertTrue(r.json().path("code").isTextual(), "error body must carry a code: " + r.body());
    assertFalse(r.body().contains("Exception"), "no stack trace to the client: " + r.body());
  }

  @Test
  void search_returns_ranked_entries_with_plain_and_html_answers() {
    Reply r =
        server.get(
            "/api/search?q=" + TestServer.encode("når utløper en ordre") + "&lang=nb&limit=2");
    assertEquals(200, r.status(), r.body());
    assertEquals("når utløper en ordre", r.json().path("query").asText());
    assertEquals("nb", r.json().path("lang").asText());
    JsonNode first = r.json().path("results").get(0);
    assertEquals("order-expiry", first.path("id").asText());
    assertTrue(first.path("answer").asText().contains("28 dager"));
    assertTrue(first.path("answerHtml").asText().contains("<strong>28 dager</strong>"));
    assertEquals("Endringer", first.path("section").asText());
    assertTrue(first.path("score").asDouble() > 0);
    assertTrue(r.json().path("results").size() <= 2);
  }

  @Test
  void search_without_q_or_with_bad_parameters_is_a_400() {
    assertError(server.get("/api/search"), 400);
    assertError(server.get("/api/search?q=%20%20"), 400);
    assertError(server.get("/api/search?q=ordre&limit=abc"), 400);
    assertError(server.get("/api/search?q=ordre&limit=0"), 400);
    assertError(server.get("/api/search?q=ordre&lang=xx"), 400);
  }

  @Test
  void chat_answers_a_clear_question() {
    Reply r = server.chat("hvor finner jeg butikk-id", "nb");
    assertEquals(200, r.status(), r.body());
    assertEquals("answer", r.json().path("type").asText(), r.body());
    assertEquals("find-store-id", r.json().path("answer").path("id").asText());
    assertTrue(r.json().path("answer").path("answer").asText().contains("velkomstmailen"));
    assertEquals(
        "order-expiry", r.json().path("answer").path("related").get(0).path("id").asText());
    assertTrue(r.json().has("state"));
  }

  @Test
  void chat_answers_in_english_from_english_content() {
    Reply r = server.chat("where do I find my store id", "en");
    assertEquals("answer", r.json().path("type").asText(), r.body());
    assertTrue(r.json().path("answer").path("answer").asText().contains("welcome email"));
  }

  @Test
  void chat_answers_in_the_messages_language_whatever_the_page() {
    Reply english = server.chat("where do I find my store id", "nb");
    assertEquals("answer", english.json().path("type").asText(), english.body());
    assertEquals("en", english.json().path("lang").asText());
    assertTrue(english.json().path("answer").path("answer").asText().contains("welcome email"));

    Reply norwegian = server.chat("hvor finner jeg butikk-id-en vår?", "en");
    assertEquals("answer", norwegian.json().path("type").asText(), norwegian.body());
    assertEquals("nb", norwegian.json().path("lang").asText());
    assertTrue(norwegian.json().path("answer").path("answer").asText().contains("velkomstmailen"));

    // A loan word or two does not switch the page's language.
    assertEquals("nb", server.chat("checkout test", "nb").json().path("lang").asText());
  }

  @Test
  void chat_recognises_small_talk() {
    Reply r = server.chat("hei!", "nb");
    assertEquals("smalltalk", r.json().path("type").asText(), r.body());
    assertTrue(r.json().path("text").asText().startsWith("Hei"));
    assertEquals("smalltalk", server.chat("tusen takk", "nb").json().path("type").asText());
  }

  @Test
  void chat_falls_back_honestly_for_off_topic_messages() {
    Reply r = server.chat("hva blir været i Bergen i morgen", "nb");
    assertEquals("fallback", r.json().path("type").asText(), r.body());
    assertTrue(r.json().path("text").asText().contains("product-upgrade-support@klarna.com"));
    assertTrue(r.json().path("answer").isNull());
  }

  @Test
  void chat_offers_choices_when_a_message_fits_several_entries() {
    Reply r = server.chat("ordre", "nb");
    assertEquals(200, r.status());
    String type = r.json().path("type").asText();
    assertTrue(type.equals("answer") || type.equals("suggestions"), r.body());
    // Words of three entries at once: never one confident answer; choices when the reply model
    // thinks one of them is likely meant, else the honest fallback.
    Reply vague = server.chat("rapport ordre testkjøp", "nb");
    String vagueType = vague.json().path("type").asText();
    assertTrue(vagueType.equals("suggestions") || vagueType.equals("fallback"), vague.body());
    if (vagueType.equals("suggestions")) {
      assertTrue(
          vague.json().path("suggestions").size() >= 1
              && vague.json().path("suggestions").size() <= 3);
      assertTrue(vague.json().path("suggestions").get(0).has("question"));
    }
  }

  @Test
  void chat_rejects_bad_requests_with_clear_errors() {
    assertError(server.postJson("/api/chat", "{not json"), 400);
    assertError(server.postJson("/api/chat", "[1,2]"), 400);
    assertError(server.postJson("/api/chat", "{}"), 400);
    assertError(server.postJson("/api/chat", "{\"message\": 42}"), 400);
    assertError(server.postJson("/api/chat", "{\"message\": \"hei\", \"lang\": \"de\"}"), 400);
    assertError(server.postJson("/api/chat", ""), 400);
  }

  @Test
  void too_long_messages_and_bodies_are_refused() {
    assertError(server.postJson("/api/chat", "{\"message\": \"" + "a".repeat(2001) + "\"}"), 413);
    assertError(
        server.postJson("/api/chat", "{\"message\": \"" + "a".repeat(200_000) + "\"}"), 413);
  }

  @Test
  void entries_are_served_by_id_with_language_fallback() {
    Reply r = server.get("/api/entries/find-store-id?lang=en");
    assertEquals(200, r.status());
    assertEquals("en", r.json().path("lang").asText());
    assertEquals("Where do I find my store ID?", r.json().path("question").asText());
    Reply fallback = server.get("/api/entries/order-expiry?lang=en");
    assertEquals("nb", fallback.json().path("lang").asText());
    assertError(server.get("/api/entries/no-such-entry"), 404);
  }

  @Test
  void health_reports_entries_and_index_state() {
    Reply r = server.get("/health");
    assertEquals(200, r.status());
    assertEquals("ok", r.json().path("status").asText());
    assertEquals(5, r.json().path("entries").asInt());
    assertEquals(4, r.json().path("languages").path("nb").asInt());
  }

  @Test
  void unknown_routes_and_methods_answer_json_errors() {
    assertError(server.get("/api/nothing-here"), 404);
    Reply wrongMethod =
        server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/chat")).GET().build());
    assertError(wrongMethod, 405);
    assertEquals("method_not_allowed", wrongMethod.json().path("code").asText());
  }
}
