package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.faqbot.App;
import no.faqbot.TestServer;
import no.faqbot.insights.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that cannot be reached does not stop the server: the start logs what is wrong, the
 * button says it is unavailable and password login goes on. With {@code FAQBOT_OIDC_ONLY} the
 * passwords are off, form and HTTP Basic alike.
 */
class OidcUnavailableTest {
  private static final String SECRET = "aldri-i-loggen-9Zk";

  @TempDir Path tmp;

  private static OidcSettings settings(String issuer, boolean only) {
    return new OidcSettings(
        URI.create(issuer),
        FakeOidcProvider.CLIENT_ID,
        SECRET,
        URI.create("http://127.0.0.1:7070" + OidcSettings.CALLBACK),
        "Keycloak",
        "email",
        only);
  }

  private static String closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The login form as a browser sends it: the page's CSRF token, then user and password. */
  private static HttpResponse<String> passwordLogin(HttpClient browser, String base)
      throws Exception {
    HttpResponse<String> page = get(browser, base + "/staff/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    String token = csrf.find() ? csrf.group(1) : "none";
    String form =
        "_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&user=anna&password="
            + URLEncoder.encode("riktig hest", StandardCharsets.UTF_8);
    return browser.send(
        HttpRequest.newBuilder(URI.create(base + "/staff/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Test
  void an_unreachable_provider_is_named_at_start_and_passwords_still_work() throws Exception {
    String issuer = closedPort();
    App app = App.start(OidcLoginTest.settings(tmp));
    String log = CapturedLog.of(() -> app.staff().useOidc(settings(issuer, false)));
    assertTrue(
        log.contains("cannot read " + issuer + "/.well-known/openid-configuration"),
        "the start says what is wrong: " + log);
    assertTrue(log.contains("password login is unchanged"), log);
    assertFalse(log.contains(SECRET), log);
    try (TestServer server = new TestServer(app)) {
      HttpClient browser = browser();
      HttpResponse<String> page = get(browser, server.base() + "/staff/login");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Innlogging med Keycloak er ikke tilgjengelig"), page.body());
      assertFalse(page.body().contains("href=\"/staff/login/oidc\""), page.body());
      HttpResponse<String> button = get(browser, server.base() + OidcLogin.START);
      assertEquals(503, button.statusCode());
      assertTrue(button.body().contains("ikke tilgjengelig"), button.body());
      HttpResponse<String> login = passwordLogin(browser, server.base());
      assertEquals(303, login.statusCode(), login.body());
      assertEquals("/staff/search", login.headers().firstValue("Location").orElse(""));
      AuditLog.Entry last =
          new AuditLog(app.insights().store(), Clock.systemUTC()).latest(1).get(0);
      assertEquals("anna login password", last.user() + " " + last.action() + " " + last.detail());
    }
  }

  @Test
  void a_discovery_document_for_another_issuer_is_refused_at_start() throws Exception {
    try (FakeOidcProvider provider = new FakeOidcProvider()) {
      // The document says 127.0.0.1; the setting says localhost: not the issuer it claims.
      String issuer = provider.issuer().replace("127.0.0.1", "localhost");
      OidcLogin login = new OidcLogin(settings(issuer, false), new byte[32], Clock.systemUTC());
      String log = CapturedLog.of(() -> assertFalse(login.discover()));
      assertTrue(log.contains("is not a valid OpenID Connect discovery document"), log);
      assertTrue(log.contains("FAQBOT_OIDC_ISSUER"), log);
      assertFalse(log.contains(SECRET), log);
    }
  }

  @Test
  void only_turns_the_password_form_and_basic_off() throws Exception {
    try (FakeOidcProvider provider = new FakeOidcProvider()) {
      App app = App.start(OidcLoginTest.settings(tmp));
      app.staff().useOidc(settings(provider.issuer(), true));
      try (TestServer server = new TestServer(app)) {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, server.base() + "/staff/login");
        assertTrue(page.body().contains("Logg inn med Keycloak"), page.body());
        assertFalse(page.body().contains("name=\"password\""), page.body());
        HttpResponse<String> login = passwordLogin(browser, server.base());
        assertEquals(403, login.statusCode(), login.body());
        assertTrue(login.body().contains("Innlogging med passord er slått av"), login.body());
        String basic =
            Base64.getEncoder().encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> script =
            browser.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/staff/api/accounts"))
                    .header("Authorization", "Basic " + basic)
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(401, script.statusCode(), script.body());
      }
    }
  }
}
