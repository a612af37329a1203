package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import no.faqbot.FaqbotServer;
import no.faqbot.TestSettings;
import no.faqbot.web.StaffRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Named staff accounts through the real server and its SQLite store: each role reaches what it
 * should and gets 403 for the rest, the audit log names the person, a changed role or a removed
 * account holds at the next request, and the settings' login stays an admin.
 */
class StaffRolesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "et langt passord";
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(TestSettings::staff);

  static StaffAccounts accounts;
  final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    accounts = new StaffAccounts(server.app().insights().store().dataSource(), Clock.systemUTC());
    // One iteration: these tests are about who may do what, not about the hash's cost.
    accounts.add("otto", StaffRole.AGENT, PasswordHash.of(PASSWORD, 1));
    accounts.add("eva", StaffRole.EDITOR, PasswordHash.of(PASSWORD, 1));
    accounts.add("ada", StaffRole.ADMIN, PasswordHash.of(PASSWORD, 1));
  }

  private HttpResponse<String> as(String user, String method, String path) throws Exception {
    return as(user, PASSWORD, method, path, "application/json");
  }

  private HttpResponse<String> as(
      String user, String password, String method, String path, String accept) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client.send(
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .header("Authorization", "Basic " + basic)
            .header("Accept", accept)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void forbidden(HttpResponse<String> r) throws Exception {
    assertEquals(403, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("forbidden", body.get("code").asText(), r.body());
  }

  @Test
  void an_agent_searches_and_reads_insights_but_changes_nothing() throws Exception {
    assertEquals(200, as("otto", "GET", "/staff/search?q=butikk").statusCode());
    assertEquals(200, as("otto", "GET", "/staff/api/insights").statusCode());
    assertEquals(200, as("otto", "GET", "/staff/api/unanswered").statusCode());
    forbidden(as("otto", "GET", "/staff/api/content-status"));
    forbidden(as("otto", "POST", "/staff/api/unanswered/abc/dismiss"));
    forbidden(as("otto", "POST", "/staff/api/unanswered/abc/alternative"));
    forbidden(as("otto", "POST", "/staff/api/editor/lint"));
    forbidden(as("otto", "POST", "/staff/api/editor/publish"));
    forbidden(as("otto", "GET", "/staff/editor/nb/find-store-id"));
    forbidden(as("otto", "GET", "/staff/api/events.csv"));
    forbidden(as("otto", "DELETE", "/staff/api/conversations/conversation-1"));
  }

  @Test
  void a_browser_without_the_role_gets_a_plain_page() throws Exception {
    HttpResponse<String> page = as("otto", PASSWORD, "GET", "/staff/content", "text/html");
    assertEquals(403, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("Ikke tilgang"), page.body());
    assertTrue(page.body().contains("editor"), page.body());
  }

  @Test
  void an_editor_changes_content_but_gets_no_personal_data() throws Exception {
    assertEquals(200, as("eva", "GET", "/staff/api/content-status").statusCode());
    // Past the role check: the group does not exist.
    assertEquals(404, as("eva", "POST", "/staff/api/unanswered/abc/dismiss").statusCode());
    forbidden(as("eva", "GET", "/staff/api/events.jsonl"));
    forbidden(as("eva", "DELETE", "/staff/api/conversations/conversation-1"));
  }

  @Test
  void the_audit_log_names_the_person() throws Exception {
    server.chat("kan jeg endre logoen i kassevinduet", "nb");
    assertTrue(server.app().insights().recorder().flush(5000));
    JsonNode groups =
        JSON.readTree(as("ada", "GET", "/staff/api/unanswered?lang=nb").body()).get("unanswered");
    assertFalse(groups.isEmpty(), groups.toString());
    String group = groups.get(0).get("id").asText();
    assertEquals(
        200, as("eva", "POST", "/staff/api/unanswered/" + group + "/dismiss").statusCode());
    assertEquals(200, as("ada", "DELETE", "/staff/api/conversations/conversation-1").statusCode());
    assertEquals(200, as("ada", "GET", "/staff/api/events.csv").statusCode());
    List<String> rows = audit();
    assertTrue(rows.contains("eva dismiss"), rows.toString());
    assertTrue(rows.contains("ada delete-conversation"), rows.toString());
    assertTrue(rows.contains("ada export"), rows.toString());
  }

  @Test
  void only_an_admin_lists_the_accounts_and_never_sees_a_hash() throws Exception {
    forbidden(as("eva", "GET", "/staff/api/accounts"));
    HttpResponse<String> list = as("ada", "GET", "/staff/api/accounts");
    assertEquals(200, list.statusCode(), list.body());
    JsonNode body = JSON.readTree(list.body());
    assertEquals("anna", body.get("bootstrap").get(0).asText());
    assertTrue(list.body().contains("{\"name\":\"eva\",\"role\":\"editor\""), list.body());
    assertFalse(list.body().contains("pbkdf2"), list.body());
  }

  @Test
  void the_settings_login_stays_an_admin() throws Exception {
    assertEquals(
        200, as("anna", "riktig hest", "GET", "/staff/api/events.csv", "*/*").statusCode());
  }

  @Test
  void a_changed_role_and_a_removed_account_hold_at_the_next_request() throws Exception {
    accounts.add("kari", StaffRole.AGENT, PasswordHash.of(PASSWORD, 1));
    String cookie = login("kari", PASSWORD);
    forbidden(session(cookie, "/staff/api/content-status"));
    assertTrue(accounts.setRole("kari", StaffRole.EDITOR));
    assertEquals(200, session(cookie, "/staff/api/content-status").statusCode());
    assertTrue(accounts.remove("kari"));
    assertEquals(401, session(cookie, "/staff/api/content-status").statusCode());
    assertEquals(401, as("kari", "GET", "/staff/api/insights").statusCode());
  }

  @Test
  void logins_over_the_cap_on_hashes_at_once_are_turned_away_at_once_and_not_counted()
      throws Exception {
    HashGate gate = server.app().staff().hashes();
    int held = 0;
    try {
      while (gate.tryEnter()) {
        held++;
      }
      assertTrue(held >= 1);
      // More tries than the lockout allows: none may count as a failed login.
      for (int i = 0; i < LoginThrottle.FREE_FAILURES + 2; i++) {
        HttpResponse<String> basic = as("ada", "GET", "/staff/api/insights");
        assertEquals(503, basic.statusCode(), basic.body());
        assertEquals("service_unavailable", JSON.readTree(basic.body()).get("code").asText());
        assertEquals("1", basic.headers().firstValue("Retry-After").orElse(null));
      }
      HttpResponse<String> busy = postLogin("ada", PASSWORD);
      assertEquals(503, busy.statusCode());
      assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));
      // A fixed page with the way back to the form, not the rendered form (cheap under a flood).
      assertTrue(busy.body().contains("Prøv igjen om et sekund"), busy.body());
      assertTrue(busy.body().contains("href=\"/staff/login\""), busy.body());
      assertTrue(
          busy.headers().firstValue("Content-Security-Policy").isPresent(), "a page's headers");
      assertTrue(gate.refused() >= LoginThrottle.FREE_FAILURES + 3, "refused: " + gate.refused());
      // An operator sees the refusals in /metrics.
      String metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(server.base() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      java.util.regex.Matcher refused =
          java.util.regex.Pattern.compile(
                  "faqbot_logins_refused_total\\{reason=\"hash_cap\"} ([0-9.]+)")
              .matcher(metrics);
      assertTrue(refused.find(), metrics);
      assertEquals((double) gate.refused(), Double.parseDouble(refused.group(1)));
    } finally {
      for (int i = 0; i < held; i++) {
        gate.leave();
      }
    }
    assertEquals(held, gate.available());
    assertEquals(303, loginStatus("ada", PASSWORD));
  }

  private String login(String user, String password) throws Exception {
    HttpResponse<String> done = postLogin(user, password);
    assertEquals(303, done.statusCode(), done.body());
    return done.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(StaffCookies.SESSION + "="))
        .findFirst()
        .orElseThrow()
        .split(";")[0];
  }

  private int loginStatus(String user, String password) throws Exception {
    return postLogin(user, password).statusCode();
  }

  private HttpResponse<String> postLogin(String user, String password) throws Exception {
    HttpResponse<String> form =
        client.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/staff/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = loginCookie.substring(loginCookie.indexOf('=') + 1);
    return client.send(
        HttpRequest.newBuilder(URI.create(server.base() + "/staff/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", loginCookie)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "_csrf=" + csrf + "&user=" + user + "&password=" + password.replace(' ', '+')))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> session(String cookie, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .header("Cookie", cookie)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> audit() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = server.app().insights().store().connection();
        PreparedStatement s = c.prepareStatement("SELECT staff_user, action FROM audit_log");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return rows;
  }
}
