package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import no.faqbot.TestServer.Reply;
import no.faqbot.insights.Event;
import no.faqbot.insights.EventRepository;
import no.faqbot.insights.VoteEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the widget needs from the server: the demo page, its assets, suggest, feedback and CORS. */
class WidgetServerTest {
  @RegisterExtension
  static final FaqbotServer server = new FaqbotServer(s -> s.cors("https://shop.example"));

  private static Reply get(String path, String origin) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (origin != null) {
      b.header("Origin", origin);
    }
    return server.send(b.build());
  }

  @Test
  void the_demo_page_embeds_the_widget_under_a_strict_csp() {
    var response =
        server.send(HttpRequest.newBuilder(URI.create(server.base() + "/")).GET().build());
    assertEquals(200, response.status());
    assertTrue(
        response.body().contains("<script src=\"/widget.js\" defer data-lang=\"nb\"></script>"),
        response.body());
    assertFalse(response.body().contains("<script>"), "no inline script on a strict-CSP page");
    Reply en = get("/?lang=en", null);
    assertTrue(en.body().contains("<html lang=\"en\">"), en.body());
  }

  @Test
  void every_public_file_is_served_with_its_type_an_etag_and_304_when_unchanged() throws Exception {
    java.util.List<String> inSources;
    try (var files = Files.list(Path.of("src/main/resources/public"))) {
      inSources = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(
        inSources,
        no.faqbot.web.StaticAssets.FILES.stream().sorted().toList(),
        "StaticAssets.FILES must list every file under src/main/resources/public");
    var client = java.net.http.HttpClient.newHttpClient();
    for (String name : inSources) {
      var response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.base() + "/" + name)).GET().build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), name);
      assertTrue(
          java.util.Arrays.equals(
              Files.readAllBytes(Path.of("src/main/resources/public", name)), response.body()),
          name);
      assertTrue(
          response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith(name.endsWith(".js") ? "text/javascript" : "text/css"),
          name);
      assertEquals(
          "public, max-age=300", response.headers().firstValue("Cache-Control").orElse(""), name);
      String etag = response.headers().firstValue("ETag").orElseThrow();
      var again =
          client.send(
              HttpRequest.newBuilder(URI.create(server.base() + "/" + name))
                  .header("If-None-Match", etag)
                  .GET()
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(304, again.statusCode(), name);
      assertEquals(0, again.body().length, name);
    }
    assertEquals(404, get("/nothing-here.js", null).status());
  }

  @Test
  void the_demo_page_sends_the_csp_header() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + "/")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(
        csp.contains("script-src 'self'")
            && csp.contains("style-src 'self'")
            && !csp.contains("unsafe"),
        csp);
  }

  @Test
  void suggest_completes_the_word_being_typed() {
    Reply r =
        get("/api/suggest?q=" + TestServer.encode("hvor finner jeg butikk") + "&lang=nb", null);
    assertEquals(200, r.status());
    assertEquals(
        "find-store-id", r.json().path("suggestions").get(0).path("id").asText(), r.body());
    assertTrue(r.json().path("suggestions").size() <= 3);
    assertEquals(
        0,
        get("/api/suggest?q=hv&lang=nb", null).json().path("suggestions").size(),
        "nothing under 3 characters");
    assertEquals(400, get("/api/suggest", null).status());
  }

  @Test
  void feedback_is_validated_stored_and_cleaned_of_secrets() throws Exception {
    Reply ok =
        server.postJson(
            "/api/feedback",
            "{\"entryId\": \"find-store-id\", \"helpful\": false, \"query\": \"butikk-id? passord: hemmelig1\"}");
    assertEquals(201, ok.status(), ok.body());
    assertTrue(server.app().insights().recorder().flush(5000));
    List<Event> stored = new ArrayList<>();
    new EventRepository(server.app().insights().store()).forEach(0, Long.MAX_VALUE, stored::add);
    var vote =
        stored.stream()
            .filter(e -> e instanceof VoteEvent)
            .map(VoteEvent.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals("find-store-id", vote.entryId());
    assertEquals(false, vote.helpful());
    assertFalse(vote.message().contains("hemmelig1"), vote.message());
    assertEquals(
        404,
        server.postJson("/api/feedback", "{\"entryId\": \"nope\", \"helpful\": true}").status());
    assertEquals(
        400,
        server
            .postJson("/api/feedback", "{\"entryId\": \"find-store-id\", \"helpful\": \"yes\"}")
            .status());
    assertEquals(400, server.postJson("/api/feedback", "{\"helpful\": true}").status());
    assertEquals(400, server.postJson("/api/feedback", "[]").status());
  }

  @Test
  void only_configured_shops_get_cors_headers() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var allowed = healthFrom(client, "https://shop.example");
    assertEquals(
        "https://shop.example",
        allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    var other = healthFrom(client, "https://evil.example");
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    var preflight =
        client.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/chat"))
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    assertEquals(204, preflight.statusCode());
    assertTrue(
        preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
  }

  /** GET /health as a page on {@code origin} would send it. */
  private java.net.http.HttpResponse<Void> healthFrom(
      java.net.http.HttpClient client, String origin) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.base() + "/health"))
            .header("Origin", origin)
            .GET()
            .build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
  }

  @Test
  void feedback_queries_lose_every_form_of_secret_the_redactor_knows() throws Exception {
    String[] queries = {
      "Passordet er Sommer2026!",
      "{\\\"password\\\":\\\"hunter2x\\\"}",
      "curl -u anna:Vinter2025x",
      "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlX3NlZ21lbnQ",
      "https://anna:lekkasje9@shop.no/"
    };
    for (String q : queries) {
      Reply ok =
          server.postJson(
              "/api/feedback",
              "{\"entryId\": \"find-store-id\", \"helpful\": false, \"query\": \"" + q + "\"}");
      assertEquals(201, ok.status(), ok.body());
    }
    // Votes go to the event store now (insights), not data/feedback.jsonl.
    assertTrue(server.app().insights().recorder().flush(5000));
    StringBuilder messages = new StringBuilder();
    new EventRepository(server.app().insights().store())
        .forEach(0, Long.MAX_VALUE, e -> messages.append(e.message()).append('\n'));
    String stored = messages.toString();
    for (String secret :
        new String[] {
          "Sommer2026",
          "hunter2x",
          "Vinter2025x",
          "c2lnbmF0dXJlX3NlZ21lbnQ",
          "eyJzdWIiOiJ4eXoifQ",
          "lekkasje9"
        }) {
      assertFalse(stored.contains(secret), secret + " in " + stored);
    }
  }
}
