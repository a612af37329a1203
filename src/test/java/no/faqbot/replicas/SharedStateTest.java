package no.faqbot.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import no.faqbot.store.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas over one PostgreSQL, with no secret configured: what one starts, the other
 * continues. Each has its own index and data folder, as on two machines.
 */
class SharedStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static PostgresDatabase database;
  static TestServer a;
  static TestServer b;
  final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    database = PostgresDatabase.createOrSkip();
    a = new TestServer(replica(tmp.resolve("a"), database));
    b = new TestServer(replica(tmp.resolve("b"), database));
    a.app().awaitReady();
    b.app().awaitReady();
  }

  /**
   * A replica over {@code database} with its own index, data folder and copy of the fixture content
   * under {@code dir}.
   */
  static TestSettings replica(Path dir, PostgresDatabase database) {
    return TestSettings.in(dir).staff().trustedProxies("127.0.0.1").store(database.settings());
  }

  @AfterAll
  static void stop() throws Exception {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder form(TestServer server, String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String csrf(String page) {
    return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
  }

  /** Logs in from {@code client} (the replicas believe this test's X-Forwarded-For). */
  private HttpResponse<String> login(TestServer server, String password, String client)
      throws Exception {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(server.base() + "/staff/login")).build());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    return send(
        form(
                server,
                "/staff/login",
                "_csrf=" + csrf(page.body()) + "&user=anna&password=" + password)
            .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
            .header("X-Forwarded-For", client)
            .build());
  }

  @Test
  void a_staff_login_on_one_replica_holds_on_the_other_and_a_logout_ends_it_on_both()
      throws Exception {
    HttpResponse<String> login = login(a, "riktig+hest", "192.0.2.1");
    assertEquals(303, login.statusCode(), login.body());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    String session = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> onB =
        send(
            HttpRequest.newBuilder(URI.create(b.base() + "/staff/search?q=ordre"))
                .header("Cookie", session)
                .build());
    assertEquals(200, onB.statusCode(), "the session made on A is known to B");
    String token = csrf(onB.body());
    HttpResponse<String> onA =
        send(
            HttpRequest.newBuilder(URI.create(a.base() + "/staff/search?q=ordre"))
                .header("Cookie", session)
                .build());
    assertEquals(token, csrf(onA.body()), "one CSRF token per session, on every replica");
    assertEquals(
        403,
        send(form(a, "/staff/logout", "_csrf=wrong").header("Cookie", session).build())
            .statusCode());
    assertEquals(
        303,
        send(form(b, "/staff/logout", "_csrf=" + token).header("Cookie", session).build())
            .statusCode(),
        "B takes the token A showed");
    assertEquals(
        401,
        send(HttpRequest.newBuilder(URI.create(a.base() + "/staff/search"))
                .header("Cookie", session)
                .build())
            .statusCode(),
        "logged out on B is logged out on A");
  }

  @Test
  void failed_logins_from_one_address_count_on_every_replica() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> failed = login(i % 2 == 0 ? a : b, "feil", "192.0.2.66");
      assertEquals(401, failed.statusCode(), failed.body());
    }
    HttpResponse<String> locked = login(a, "riktig+hest", "192.0.2.66");
    assertEquals(
        429, locked.statusCode(), "five failures spread over two replicas lock the address out");
    assertEquals(429, login(b, "riktig+hest", "192.0.2.66").statusCode());
    assertEquals(
        303,
        login(b, "riktig+hest", "192.0.2.67").statusCode(),
        "other addresses are not locked out");
  }

  @Test
  void a_flow_started_on_one_replica_continues_on_the_other() {
    TestServer.Reply first =
        a.chat("testkjøpet feiler hele tiden etter at vi installerte den nye pluginen", "nb");
    assertEquals("flow", first.json().path("type").asText(), first.body());
    JsonNode option = first.json().path("flow").path("options").get(0);
    ObjectNode body =
        JSON.createObjectNode().put("lang", "nb").put("choice", option.path("id").asText());
    body.set("state", first.json().path("state"));
    TestServer.Reply next = b.postJson("/api/chat", body.toString());
    assertEquals(200, next.status(), next.body());
    assertEquals("flow", next.json().path("type").asText(), next.body());
  }

  @Test
  void feedback_given_on_one_replica_counts_in_the_others_insights() throws Exception {
    a.postJson(
        "/api/feedback",
        "{\"entryId\":\"find-store-id\",\"helpful\":false,\"lang\":\"en\","
            + "\"conversation\":\"replica-test-conversation-0001\"}");
    assertTrue(a.app().insights().recorder().flush(5000));
    HttpResponse<String> insights =
        send(
            HttpRequest.newBuilder(URI.create(b.base() + "/staff/api/insights?days=7&lang=en"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8)))
                .build());
    assertEquals(200, insights.statusCode(), insights.body());
    JsonNode json = JSON.readTree(insights.body());
    assertEquals(1, json.at("/votes/unhelpful").asInt(), "B counts the vote given on A: " + json);
    assertEquals("find-store-id", json.at("/mostUnhelpful/0/entryId").asText(), json.toString());
  }
}
