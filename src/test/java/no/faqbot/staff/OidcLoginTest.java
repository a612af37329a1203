package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.faqbot.App;
import no.faqbot.TestSettings;
import no.faqbot.config.Settings;
import no.faqbot.web.StaffRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenID Connect login end to end: the real server on a port of its own, a fake provider on
 * another ({@link FakeOidcProvider}), and a client that follows every redirect by hand with a
 * cookie jar, as a browser would. Each way the provider's answer can be wrong ends on the login
 * page with a plain message and no staff session.
 */
class OidcLoginTest {
  @TempDir static Path tmp;
  static FakeOidcProvider provider;
  static App app;
  static Javalin server;
  static String base;

  CookieManager jar;
  HttpClient browser;

  @BeforeAll
  static void start() throws Exception {
    provider = new FakeOidcProvider();
    int port;
    // The redirect URI names the server's port, so the port is chosen before the server starts.
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    app = App.start(settings(tmp));
    app.staff().useOidc(provider.settingsFor(base));
    server = app.server().start("127.0.0.1", port);
    StaffAccounts accounts =
        new StaffAccounts(app.insights().store().dataSource(), Clock.systemUTC());
    accounts.add("eva@butikk.no", StaffRole.EDITOR, PasswordHash.of("et langt passord", 1));
    accounts.add("ola@butikk.no", StaffRole.AGENT, PasswordHash.of("et langt passord", 1));
  }

  static Settings settings(Path tmp) {
    return TestSettings.in(tmp)
        .content(Path.of("src/test/resources/fixtures/good"))
        .staff()
        .build();
  }

  @AfterAll
  static void stop() {
    app.shutdown(server);
    provider.close();
  }

  @BeforeEach
  void newBrowser() {
    provider.next = FakeOidcProvider.Next.FINE;
    provider.email = "eva@butikk.no";
    jar = new CookieManager();
    browser =
        HttpClient.newBuilder()
            .cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.body()));
  }

  /** The button, the provider, and back: the callback's answer. */
  private HttpResponse<String> signIn() throws Exception {
    HttpResponse<String> start = get(base + OidcLogin.START);
    assertEquals(303, start.statusCode(), start.body());
    String authorize = location(start);
    assertTrue(authorize.startsWith(provider.issuer() + "/authorize?"), authorize);
    HttpResponse<String> atProvider = get(authorize);
    assertEquals(302, atProvider.statusCode(), atProvider.body());
    String callback = location(atProvider);
    assertTrue(callback.startsWith(base + OidcSettings.CALLBACK + "?"), callback);
    return get(callback);
  }

  private boolean hasStaffSession() {
    return jar.getCookieStore().getCookies().stream()
        .map(HttpCookie::getName)
        .anyMatch(StaffCookies.SESSION::equals);
  }

  /** Refused: the login page with the message, no staff cookie, and the staff pages closed. */
  private void refused(HttpResponse<String> page, int status, String message) throws Exception {
    assertEquals(status, page.statusCode(), page.body());
    assertTrue(page.body().contains("faqbot – logg inn"), page.body());
    assertTrue(page.body().contains(message), page.body());
    assertFalse(page.body().contains("Exception"), page.body());
    assertFalse(hasStaffSession(), jar.getCookieStore().getCookies().toString());
    HttpResponse<String> search = get(base + "/staff/search");
    assertEquals(303, search.statusCode());
    assertEquals("/staff/login", location(search));
  }

  @Test
  void the_login_page_offers_the_provider_beside_the_password() throws Exception {
    HttpResponse<String> page = get(base + "/staff/login");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body().contains("Logg inn med Testleverandør / Sign in with Testleverandør"),
        page.body());
    assertTrue(page.body().contains("href=\"/staff/login/oidc\""), page.body());
    assertTrue(page.body().contains("name=\"password\""), page.body());
  }

  @Test
  void a_named_account_signs_in_and_gets_the_same_session_as_a_password_login() throws Exception {
    int issued = provider.tokensIssued;
    HttpResponse<String> done = signIn();
    assertEquals(200, done.statusCode(), done.body());
    assertEquals(issued + 1, provider.tokensIssued);
    assertTrue(hasStaffSession());
    // The staff cookie is SameSite=Strict, so the page moves on by itself rather than redirecting.
    assertTrue(done.body().contains("url=/staff/search"), done.body());
    String setCookie =
        done.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(StaffCookies.SESSION + "="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("HttpOnly; SameSite=Strict"), setCookie);
    assertTrue(
        done.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("faqbot_oidc=;") && c.contains("Expires=Thu, 01 Jan 1970")),
        done.headers().allValues("Set-Cookie").toString());

    HttpResponse<String> search = get(base + "/staff/search?q=butikk");
    assertEquals(200, search.statusCode(), search.body());
    assertTrue(search.body().contains("eva@butikk.no"), "the header names the person");
    // An editor's page opens; an admin's does not: the role is the account's.
    assertEquals(200, get(base + "/staff/content").statusCode());
    assertEquals(403, get(base + "/staff/api/accounts").statusCode());
    assertTrue(audit().contains("eva@butikk.no login"), audit().toString());

    // The session's CSRF token works as after a password login: logging out needs it.
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(search.body());
    assertTrue(csrf.find(), search.body());
    HttpResponse<String> forged = post("/staff/logout", "_csrf=wrong");
    assertEquals(403, forged.statusCode());
    HttpResponse<String> out = post("/staff/logout", "_csrf=" + csrf.group(1));
    assertEquals(303, out.statusCode(), out.body());
    assertEquals(303, get(base + "/staff/search").statusCode());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void the_claim_is_matched_in_lower_case_too() throws Exception {
    provider.email = "Ola@Butikk.no";
    assertEquals(200, signIn().statusCode());
    assertTrue(hasStaffSession());
    assertEquals(200, get(base + "/staff/search?q=butikk").statusCode());
    assertEquals(403, get(base + "/staff/content").statusCode(), "ola is an agent");
  }

  @Test
  void an_unknown_person_is_refused_and_logged() throws Exception {
    provider.email = "mallory@example.com";
    String log = CapturedLog.of(() -> refused(signIn(), 403, "ingen konto i faqbot"));
    assertTrue(log.contains("no staff account named 'mallory@example.com'"), log);
    assertFalse(log.contains(FakeOidcProvider.CLIENT_SECRET), log);
    assertFalse(log.contains("eyJ"), "no token in the log: " + log);
  }

  @Test
  void a_bootstrap_login_name_is_not_taken_from_a_provider() throws Exception {
    provider.email = "anna";
    refused(signIn(), 403, "ingen konto i faqbot");
  }

  /** The library's message for the log names the check that failed. */
  @ParameterizedTest
  @CsvSource({
    "WRONG_NONCE, nonce",
    "WRONG_AUDIENCE, audience",
    "EXPIRED, expired",
    "BAD_SIGNATURE, signature"
  })
  void a_token_that_fails_a_check_is_refused_and_the_log_says_which(
      FakeOidcProvider.Next next, String check) throws Exception {
    provider.next = next;
    String log = CapturedLog.of(() -> refused(signIn(), 401, "kunne ikke godtas"));
    assertTrue(log.toLowerCase(java.util.Locale.ROOT).contains(check), log);
  }

  @Test
  void a_changed_state_is_refused_before_the_code_is_used() throws Exception {
    int issued = provider.tokensIssued;
    String authorize = location(get(base + OidcLogin.START));
    String callback = location(get(authorize));
    String forged = callback.replaceFirst("state=[^&]+", "state=forged-state-value");
    refused(get(forged), 400, "kunne ikke bekreftes");
    assertEquals(issued, provider.tokensIssued, "the code was not exchanged");
  }

  @Test
  void a_return_in_another_browser_is_refused() throws Exception {
    String authorize = location(get(base + OidcLogin.START));
    String callback = location(get(authorize));
    newBrowser(); // no attempt cookie: the return is not this browser's
    refused(get(callback), 400, "en annen nettleser");
  }

  @Test
  void the_attempt_cookie_cannot_be_forged() throws Exception {
    String authorize = location(get(base + OidcLogin.START));
    String callback = location(get(authorize));
    HttpCookie attempt =
        jar.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("faqbot_oidc"))
            .findFirst()
            .orElseThrow();
    String state = FakeOidcProvider.query(URI.create(callback)).get("state");
    String[] parts = attempt.getValue().split("\\.");
    // Another verifier with the right state and a made-up MAC.
    String forged =
        state
            + "."
            + parts[1]
            + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA."
            + parts[3]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    // A client without the jar, so the forged cookie is the only one sent.
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(callback))
                    .header("Cookie", "faqbot_oidc=" + forged)
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(400, page.statusCode(), page.body());
    assertFalse(
        page.headers().allValues("Set-Cookie").stream()
            .anyMatch(
                c ->
                    c.startsWith(StaffCookies.SESSION + "=")
                        && !c.startsWith(StaffCookies.SESSION + "=;")));
  }

  /** A token from another issuer, an address the provider has not checked, a provider gone. */
  @ParameterizedTest
  @CsvSource({
    "WRONG_ISSUER, 401, kunne ikke godtas",
    "UNVERIFIED_EMAIL, 403, ikke bekreftet",
    "TOKEN_ENDPOINT_HANGS_UP, 503, svarer ikke"
  })
  void a_refused_sign_in_tells_why_in_plain_words(
      FakeOidcProvider.Next next, int status, String message) throws Exception {
    provider.next = next;
    refused(signIn(), status, message);
  }

  @Test
  void the_providers_refusal_is_shown_as_its_code_only() throws Exception {
    provider.next = FakeOidcProvider.Next.ACCESS_DENIED;
    HttpResponse<String> page = signIn();
    refused(page, 401, "avviste innloggingen (access_denied)");
    // The description came through the browser: anyone could have written it.
    assertFalse(page.body().contains("800 12345"), page.body());
  }

  @Test
  void a_code_is_used_once() throws Exception {
    String authorize = location(get(base + OidcLogin.START));
    String callback = location(get(authorize));
    assertEquals(200, get(callback).statusCode());
    newBrowser();
    // Even with a fresh attempt cookie of its own, an old code is refused by the provider.
    String again = location(get(base + OidcLogin.START));
    String state = FakeOidcProvider.query(URI.create(again)).get("state");
    String replay = callback.replaceFirst("state=[^&]+", "state=" + state);
    refused(get(replay), 401, "godtok ikke innloggingen (invalid_grant)");
  }

  private static List<String> audit() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = app.insights().store().connection();
        PreparedStatement s = c.prepareStatement("SELECT staff_user, action FROM audit_log");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return rows;
  }
}
