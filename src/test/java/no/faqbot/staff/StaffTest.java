package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff pages: login required, CSRF on posts, highlighted search. */
class StaffTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(TestSettings::staff);

  final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
  }

  private HttpRequest.Builder form(String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void staff_pages_need_a_login() throws Exception {
    HttpResponse<String> script = send(get("/staff/search?q=rapport"));
    assertEquals(401, script.statusCode());
    assertTrue(script.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    HttpResponse<String> browser = send(get("/staff/search").header("Accept", "text/html"));
    assertEquals(303, browser.statusCode());
    assertEquals("/staff/login", browser.headers().firstValue("Location").orElse(""));
    assertEquals(
        401,
        send(get("/staff/search").header("Authorization", basic("anna", "feil"))).statusCode());
    assertEquals(200, send(get("/staff/login")).statusCode());
    assertEquals(200, server.get("/health").status(), "the public API stays open");
  }

  @Test
  void search_marks_the_matching_words_and_escapes_the_rest() throws Exception {
    HttpResponse<String> r =
        send(
            get("/staff/search?q=" + TestServer.encode("utbetalingsrapport pdf"))
                .header("Authorization", basic("anna", "riktig hest")));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("<mark>"), r.body());
    assertTrue(
        r.body().contains("settlement-report-renamed"),
        "the entry about the renamed report is found");
    assertTrue(r.body().matches("(?s).*\\d+ treff på [\\d.]+ ms.*"), "count and time taken");
    HttpResponse<String> xss =
        send(
            get("/staff/search?q=" + TestServer.encode("<script>alert(1)</script> rapport"))
                .header("Authorization", basic("anna", "riktig hest")));
    assertFalse(xss.body().contains("<script>alert(1)</script>"), "the query is escaped");
  }

  /** Fetches the login form like a browser and posts it with its token cookie. */
  private HttpResponse<String> login(String user, String password) throws Exception {
    HttpResponse<String> page = send(get("/staff/login"));
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    return send(
        form("/staff/login", "_csrf=" + token + "&user=" + user + "&password=" + password)
            .header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
  }

  @Test
  void the_login_form_itself_needs_its_csrf_token() throws Exception {
    assertEquals(403, send(form("/staff/login", "user=anna&password=riktig+hest")).statusCode());
  }

  @Test
  void form_login_gives_a_strict_session_cookie_and_posts_need_the_csrf_token() throws Exception {
    HttpResponse<String> login = login("anna", "riktig+hest");
    assertEquals(303, login.statusCode(), login.body());
    String cookie = login.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/staff"),
        cookie);
    String session = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> page = send(get("/staff/search?q=ordre").header("Cookie", session));
    assertEquals(200, page.statusCode());
    String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    assertEquals(
        403,
        send(form("/staff/logout", "").header("Cookie", session)).statusCode(),
        "no token, no post");
    assertEquals(
        403, send(form("/staff/logout", "_csrf=wrong").header("Cookie", session)).statusCode());
    assertEquals(
        303, send(form("/staff/logout", "_csrf=" + csrf).header("Cookie", session)).statusCode());
    assertEquals(
        401, send(get("/staff/search").header("Cookie", session)).statusCode(), "logged out");
  }

  @Test
  void entry_page_and_content_status_show_what_staff_and_editors_need() throws Exception {
    HttpResponse<String> entry =
        send(
            get("/staff/entries/find-store-id")
                .header("Authorization", basic("anna", "riktig hest")));
    assertEquals(200, entry.statusCode());
    assertTrue(
        entry.body().contains("content/faq/nb/find-store-id.md")
            && entry.body().contains("Kopier svaret"),
        entry.body());
    HttpResponse<String> status =
        send(
            get("/staff/api/content-status?staleDays=0")
                .header("Authorization", basic("anna", "riktig hest")));
    assertEquals(200, status.statusCode());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.body());
    long files;
    try (Stream<Path> nb = Files.list(server.content().resolve("faq/nb"))) {
      files = nb.count();
    }
    assertEquals(files, json.path("entries").path("nb").asInt(), "one entry per file served");
    assertEquals(0, json.path("problems").size());
    assertTrue(json.path("missingTranslations").path("en").isArray());
    assertTrue(json.path("flows").size() >= 3);
    assertEquals(0, json.path("staleAfterDays").asInt());
    assertTrue(json.path("stale").isArray());
    assertTrue(
        entry.body().contains("id=\"widget-preview-answer\""),
        "the widget-style preview is on the page");
    HttpResponse<String> page =
        send(get("/staff/content").header("Authorization", basic("anna", "riktig hest")));
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(401, send(get("/staff/api/content-status")).statusCode());
  }

  @Test
  void every_flow_is_drawn_as_an_svg_with_all_its_steps() throws Exception {
    var content = server.app().knowledge().base().current().content();
    for (var flow : content.flows().values()) {
      HttpResponse<String> svg =
          send(
              get("/staff/flows/" + flow.id() + ".svg")
                  .header("Authorization", basic("anna", "riktig hest")));
      assertEquals(200, svg.statusCode());
      assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
      assertTrue(svg.body().startsWith("<svg") && !svg.body().contains("<script"));
      for (String step : flow.steps().keySet()) {
        assertTrue(svg.body().contains(">" + step + " ("), flow.id() + " shows step " + step);
      }
    }
    assertEquals(
        404,
        send(get("/staff/flows/nope.svg").header("Authorization", basic("anna", "riktig hest")))
            .statusCode());
  }
}
