package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.Fixtures;
import no.faqbot.TestServer;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.FaqEntry;
import no.faqbot.content.MarkdownRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Add as alternative" through the real server, many times in a row, with the file watcher running:
 * every add is served, audited and dismisses its group, and the file is edited by structure.
 */
class AddAlternativeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  TestServer server;
  Path content;

  @BeforeEach
  void start() throws Exception {
    content = Fixtures.content("good", tmp);
    server = new TestServer(UnansweredTest.settings(content, tmp));
    server.app().watchContent(); // the watcher's reloads run beside the adds, as in production
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> staff(String method, String path, String json) throws Exception {
    return UnansweredTest.staff(server.base(), method, path, json);
  }

  private JsonNode unanswered() throws Exception {
    assertTrue(server.app().insights().recorder().flush(5000));
    HttpResponse<String> list = staff("GET", "/staff/api/unanswered?days=30&lang=nb", null);
    assertEquals(200, list.statusCode(), list.body());
    return JSON.readTree(list.body()).get("unanswered");
  }

  private HttpResponse<String> add(String group, String entry, String text) throws Exception {
    return staff(
        "POST",
        "/staff/api/unanswered/" + group + "/alternative?days=30&lang=nb",
        JSON.writeValueAsString(
            text == null
                ? java.util.Map.of("entryId", entry, "lang", "nb")
                : java.util.Map.of("entryId", entry, "lang", "nb", "text", text)));
  }

  private String groupOf(String example) throws Exception {
    for (JsonNode row : unanswered()) {
      for (JsonNode e : row.get("examples")) {
        if (e.asText().equals(example)) {
          return row.get("id").asText();
        }
      }
    }
    throw new AssertionError("no unanswered group with '" + example + "': " + unanswered());
  }

  private FaqEntry served(String id) {
    return server.app().knowledge().base().current().content().entry(id, "nb").orElseThrow();
  }

  @Test
  void twenty_adds_in_a_row_are_all_served_audited_and_dismissed() throws Exception {
    List<String> words = new ArrayList<>();
    String[] syllables = {
      "zor", "blax", "quim", "fent", "drov", "plix", "mub", "trak", "vosk", "grel"
    };
    for (int i = 0; i < 20; i++) {
      // Made-up words the chat cannot answer, no word shared: each its own group.
      String phrase =
          syllables[i % 10]
              + syllables[(i / 10 + 3) % 10]
              + "ix "
              + "qu"
              + syllables[(i * 3 + i / 10) % 10]
              + syllables[(i + 5) % 10]
              + "et";
      words.add(phrase);
      server.chat(phrase, "nb");
    }
    AuditLog audit = new AuditLog(server.app().insights().store(), Clock.systemUTC());
    for (int i = 0; i < words.size(); i++) {
      String id = groupOf(words.get(i));
      String entry = i % 2 == 0 ? "order-expiry" : "settlement-report";
      HttpResponse<String> added = add(id, entry, words.get(i));
      assertEquals(200, added.statusCode(), "add " + i + ": " + added.body());
      assertTrue(served(entry).alternatives().contains(words.get(i)), "served at once: " + i);
      AuditLog.Entry row = audit.latest(1).get(0);
      assertEquals("add-alternative", row.action());
      assertTrue(row.detail().contains(words.get(i)), row.detail());
      for (JsonNode left : unanswered()) {
        assertTrue(
            !left.get("examples").toString().contains(words.get(i)), "dismissed: " + words.get(i));
      }
    }
    assertEquals(0, unanswered().size());
    assertEquals(
        List.of(), new ContentLoader(content, new MarkdownRenderer()).load().problems(), "clean");
    assertEquals(12, served("order-expiry").alternatives().size());
  }

  @Test
  void a_phrase_with_commas_added_to_a_flow_list_adds_exactly_one_alternative() throws Exception {
    Path file = content.resolve("faq/nb/order-expiry.md");
    String text = Files.readString(file);
    String flow =
        text.replace(
            "alternatives:\n  - Hvor lenge er en bestilling gyldig?\n  - Blir ordrer kansellert automatisk?\n",
            "alternatives: [Hvor lenge er en bestilling gyldig, Blir ordrer kansellert automatisk]\n");
    assertTrue(!flow.equals(text), "fixture has the list as expected");
    Files.writeString(file, flow);
    server.app().knowledge().reloader().reload();
    assertEquals(2, served("order-expiry").alternatives().size());
    server.chat("hvordan, hvorfor, hva", "nb");
    String id = groupOf("hvordan, hvorfor, hva");
    HttpResponse<String> added = add(id, "order-expiry", "hvordan, hvorfor, hva");
    assertEquals(200, added.statusCode(), added.body());
    assertEquals(
        List.of(
            "Hvor lenge er en bestilling gyldig",
            "Blir ordrer kansellert automatisk",
            "hvordan, hvorfor, hva"),
        served("order-expiry").alternatives());
    assertTrue(Files.readString(file).contains("  - \"hvordan, hvorfor, hva\"\n"));
  }

  @Test
  void the_entry_field_takes_the_question_and_a_miss_offers_candidates() throws Exception {
    server.chat("zorblax vrangel", "nb");
    String id = groupOf("zorblax vrangel");
    HttpResponse<String> byQuestion = add(id, "Når utløper en ordre?", null);
    assertEquals(200, byQuestion.statusCode(), byQuestion.body());
    assertTrue(served("order-expiry").alternatives().contains("zorblax vrangel"));

    server.chat("flimsk dronkel", "nb");
    String other = groupOf("flimsk dronkel");
    HttpResponse<String> miss = add(other, "når utløper ordren min", null);
    assertEquals(404, miss.statusCode(), miss.body());
    JsonNode body = JSON.readTree(miss.body());
    assertEquals("not_found", body.get("code").asText());
    assertEquals("order-expiry", body.get("candidates").get(0).get("id").asText(), miss.body());
    // From the page's form: back to the page (no JSON error page), with the candidates.
    HttpResponse<String> form =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.base()
                                + "/staff/api/unanswered/"
                                + other
                                + "/alternative?days=30&lang=nb"))
                    .header("Authorization", UnansweredTest.BASIC)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "lang=nb&entryId="
                                + java.net.URLEncoder.encode(
                                    "når utløper ordren min", StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(303, form.statusCode(), form.body());
    String location = form.headers().firstValue("Location").orElseThrow();
    assertTrue(
        location.startsWith("/staff/insights/unanswered?")
            && location.contains("refused=entry")
            && location.contains("candidates=order-expiry"),
        location);
    // The page says it in words, naming the candidates it looks up itself.
    HttpResponse<String> page =
        staff(
            "GET",
            "/staff/insights/unanswered?days=30&refused=entry&candidates=order-expiry,%3Cscript%3E",
            null);
    assertTrue(page.body().contains("fant ingen oppføring"), page.body());
    assertTrue(page.body().contains("Når utløper en ordre?"), page.body());
    assertTrue(!page.body().contains("<script>"), "nothing from the address on the page");
  }
}
