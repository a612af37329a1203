package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import no.faqbot.FaqbotServer;
import no.faqbot.TestSettings;
import no.faqbot.config.Settings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.MarkdownRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unanswered questions through the real server: listed, grouped, fixed by an alternative,
 * dismissed.
 */
class UnansweredTest {
  static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));

  /** A server per test: the tests change its content. */
  @RegisterExtension final FaqbotServer server = new FaqbotServer(TestSettings::staff);

  Path content;

  /** A server over {@code content} with the embedded store and the login anna / riktig hest. */
  static Settings settings(Path content, Path tmp) {
    return TestSettings.in(tmp).content(content).staff().build();
  }

  @BeforeEach
  void start() {
    content = server.content();
  }

  private String chatType(String message) {
    return server
        .postJson("/api/chat", "{\"message\":\"" + message + "\",\"lang\":\"nb\"}")
        .json()
        .get("type")
        .asText();
  }

  private HttpResponse<String> staff(String method, String path, String json) throws Exception {
    return staff(server.base(), method, path, json);
  }

  /** A staff request with HTTP Basic, JSON when {@code json} is not null. */
  static HttpResponse<String> staff(String base, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", BASIC);
    b =
        json == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    return HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode unanswered() throws Exception {
    assertTrue(server.app().insights().recorder().flush(5000));
    HttpResponse<String> list = staff("GET", "/staff/api/unanswered?days=30&lang=nb", null);
    assertEquals(200, list.statusCode(), list.body());
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(list.body())
        .get("unanswered");
  }

  @Test
  void the_same_question_asked_several_ways_is_one_row_and_an_added_alternative_answers_it()
      throws Exception {
    // not answered: a fall-back, or suggestions none of which is opened
    assertNotEquals("answer", chatType("kan jeg endre logoen i kassevinduet"));
    assertNotEquals("answer", chatType("endre logo kassevindu"));
    assertNotEquals("answer", chatType("Kan jeg endre logoen i kassevinduet?"));
    JsonNode rows = unanswered();
    assertEquals(1, rows.size(), rows.toString());
    JsonNode row = rows.get(0);
    assertEquals(3, row.get("count").asInt());
    assertTrue(row.get("lastSeen").asText().endsWith("Z"));
    assertEquals(3, row.get("examples").size(), row.toString());

    Path file = content.resolve("faq/nb/find-store-id.md");
    List<String> before = Files.readAllLines(file);
    HttpResponse<String> added =
        staff(
            "POST",
            "/staff/api/unanswered/" + row.get("id").asText() + "/alternative?days=30&lang=nb",
            "{\"entryId\":\"find-store-id\",\"lang\":\"nb\",\"text\":\"kan jeg endre logoen i kassevinduet\"}");
    assertEquals(200, added.statusCode(), added.body());
    List<String> after = Files.readAllLines(file);
    assertEquals(before.size() + 1, after.size(), "one line added, nothing else changed");
    assertTrue(after.contains("  - \"kan jeg endre logoen i kassevinduet\""), after.toString());
    assertEquals(
        List.of(),
        new ContentLoader(content, new MarkdownRenderer()).load().problems(),
        "validate is clean");
    assertEquals("answer", chatType("kan jeg endre logoen i kassevinduet"), "served at once");
    assertEquals(0, unanswered().size(), "handled");
    AuditLog.Entry audit =
        new AuditLog(server.app().insights().store(), Clock.systemUTC()).latest(1).get(0);
    assertEquals("anna", audit.user());
    assertEquals("add-alternative", audit.action());
    assertEquals(
        404,
        staff(
                "POST",
                "/staff/api/unanswered/nosuchgroup/alternative",
                "{\"entryId\":\"find-store-id\"}")
            .statusCode());
  }

  @Test
  void a_phrasing_with_a_removed_secret_or_in_another_language_is_not_added() throws Exception {
    assertNotEquals(
        "answer", chatType("kan jeg endre fargen i kassevinduet med passordet Vinter2026Nb03"));
    assertNotEquals("answer", chatType("kan jeg endre logoen i kassevinduet"));
    Path nb = content.resolve("faq/nb/find-store-id.md");
    Path en = content.resolve("faq/en/find-store-id.md");
    List<String> nbBefore = Files.readAllLines(nb);
    List<String> enBefore = Files.readAllLines(en);
    JsonNode rows = unanswered();
    assertEquals(2, rows.size(), rows.toString());
    for (JsonNode row : rows) {
      String example = row.get("examples").get(0).asText();
      boolean secret = example.contains("[fjernet]");
      String lang = secret ? "nb" : "en"; // the secret's marker to nb, a Norwegian phrasing to en
      HttpResponse<String> refused =
          staff(
              "POST",
              "/staff/api/unanswered/" + row.get("id").asText() + "/alternative?days=30&lang=nb",
              "{\"entryId\":\"find-store-id\",\"lang\":\"" + lang + "\"}");
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("\"code\":\"phrasing_refused\""), refused.body());
      assertTrue(
          refused.body().contains(secret ? "marker of a removed secret" : "reads as 'nb'"),
          refused.body());
    }
    assertEquals(nbBefore, Files.readAllLines(nb));
    assertEquals(enBefore, Files.readAllLines(en));
    assertEquals(2, unanswered().size(), "still to be handled");
    HttpResponse<String> page =
        staff("GET", "/staff/insights/unanswered?days=30&refused=language", null);
    assertTrue(page.body().contains("Ikke lagt til: teksten er på et annet språk"), page.body());
    HttpResponse<String> forged =
        staff("GET", "/staff/insights/unanswered?days=30&refused=Ring+oss+p%C3%A5+999", null);
    assertTrue(!forged.body().contains("Ring oss"), "no text from the address on the page");
  }

  @Test
  void session_posts_need_the_csrf_token() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> form =
        client.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/staff/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", loginCookie)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + token + "&user=anna&password=riktig+hest"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    chatType("qwxz blorp fnarg");
    String id = unanswered().get(0).get("id").asText();
    HttpResponse<String> forged =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(server.base() + "/staff/api/unanswered/" + id + "/dismiss"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, forged.statusCode(), forged.body());
    assertEquals(1, unanswered().size(), "not dismissed");
  }

  @Test
  void a_dismissed_group_stays_away_but_a_new_phrasing_comes_back() throws Exception {
    chatType("qwxz blorp fnarg");
    JsonNode rows = unanswered();
    assertEquals(1, rows.size());
    HttpResponse<String> skeleton =
        staff(
            "POST", "/staff/api/unanswered/" + rows.get(0).get("id").asText() + "/skeleton", null);
    assertEquals(200, skeleton.statusCode(), skeleton.body());
    assertTrue(skeleton.body().contains("question: \\\"qwxz blorp fnarg\\\""), skeleton.body());
    assertEquals(
        200,
        staff("POST", "/staff/api/unanswered/" + rows.get(0).get("id").asText() + "/dismiss", null)
            .statusCode());
    chatType("qwxz blorp fnarg");
    assertEquals(0, unanswered().size(), "stays dismissed");
    chatType("helt annerledes vrovl");
    assertEquals(1, unanswered().size(), "a new phrasing shows");
    assertFalse(staff("GET", "/staff/insights/unanswered?days=30", null).body().contains("qwxz"));
  }

  @Test
  void the_page_draws_fifty_groups_and_links_to_the_rest() throws Exception {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 53; i++) {
      StringBuilder nonsense = new StringBuilder();
      for (int w = 0; w < 2; w++) {
        for (int c = 0; c < 7; c++) {
          nonsense.append((char) ('a' + random.nextInt(26)));
        }
        nonsense.append(' ');
      }
      chatType(nonsense.toString().strip());
    }
    assertEquals(53, unanswered().size());
    String first = staff("GET", "/staff/insights/unanswered?days=30", null).body();
    assertEquals(50, first.split("data-faqbot=\"unanswered\"", -1).length - 1);
    assertTrue(first.contains("/staff/insights/unanswered?days=30&amp;show=53"), first);
    String all = staff("GET", "/staff/insights/unanswered?days=30&show=53", null).body();
    assertEquals(53, all.split("data-faqbot=\"unanswered\"", -1).length - 1);
    assertFalse(all.contains("Vis\n      flere"), "no link when all are shown");
    assertEquals(UnansweredPage.PAGE, UnansweredPage.shown("x", 500));
    assertEquals(UnansweredPage.PAGE, UnansweredPage.shown("3", 500));
    assertEquals(120, UnansweredPage.shown("120", 500));
    assertEquals(500, UnansweredPage.shown("999999", 500));
  }
}
