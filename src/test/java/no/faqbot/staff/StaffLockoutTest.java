package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The login lockout over HTTP, behind a trusted reverse proxy that names each client in
 * X-Forwarded-For.
 */
class StaffLockoutTest {
  @RegisterExtension
  static final FaqbotServer server = new FaqbotServer(s -> s.staff().trustedProxies("127.0.0.1"));

  final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Fetches the login form like a browser and posts it with its token cookie, as {@code from} via
   * the proxy.
   */
  private HttpResponse<String> login(String from, String user, String password) throws Exception {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(server.base() + "/staff/login")));
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    return send(
        HttpRequest.newBuilder(URI.create(server.base() + "/staff/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", from)
            .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "_csrf="
                        + token
                        + "&user="
                        + TestServer.encode(user)
                        + "&password="
                        + TestServer.encode(password))));
  }

  @Test
  void one_client_guessing_the_staff_password_cannot_lock_the_staff_out() throws Exception {
    String log =
        CapturedLog.of(
            () -> {
              for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                assertEquals(401, login("203.0.113.5", "anna", "gjett" + i).statusCode());
              }
            });
    HttpResponse<String> locked = login("203.0.113.5", "anna", "riktig hest");
    assertEquals(429, locked.statusCode(), "even the right password waits out the lockout");
    long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(
        retryAfter > 0 && retryAfter <= LoginThrottle.FIRST_LOCK.toSeconds(),
        "Retry-After " + retryAfter);
    assertTrue(locked.body().contains("Prøv igjen om " + retryAfter + " sekunder"), locked.body());
    assertEquals(
        303,
        login("203.0.113.6", "anna", "riktig hest").statusCode(),
        "the staff member elsewhere logs in");
    assertTrue(log.contains("Staff login failed from 203.0.113.5 for user 'anna'"), log);
    assertFalse(log.contains("gjett"), "the password is never logged");
  }

  @Test
  void huge_user_names_are_answered_and_only_a_cut_of_them_logged() throws Exception {
    String huge = "x".repeat(60 * 1024);
    String log =
        CapturedLog.of(
            () -> {
              for (int i = 0; i < 3; i++) {
                assertEquals(401, login("198.51.100." + i, huge + "\n" + i, "p").statusCode());
              }
            });
    assertEquals(
        3, log.lines().filter(l -> l.contains("Staff login failed from 198.51.100.")).count(), log);
    assertTrue(log.lines().allMatch(l -> l.length() < 300), "the user name is cut in the log");
  }

  @Test
  void scripts_with_basic_auth_are_locked_out_by_address_too() throws Exception {
    String wrong =
        "Basic " + Base64.getEncoder().encodeToString("anna:feil".getBytes(StandardCharsets.UTF_8));
    String right =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder fromScript =
        HttpRequest.newBuilder(URI.create(server.base() + "/staff/api/content-status"))
            .header("X-Forwarded-For", "192.0.2.44");
    CapturedLog.of(
        () -> {
          for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, send(fromScript.copy().header("Authorization", wrong)).statusCode());
          }
        });
    assertEquals(
        401, send(fromScript.copy().header("Authorization", right)).statusCode(), "locked out");
    assertEquals(
        200,
        send(HttpRequest.newBuilder(URI.create(server.base() + "/staff/api/content-status"))
                .header("X-Forwarded-For", "192.0.2.45")
                .header("Authorization", right))
            .statusCode());
  }

  /** An IPv6 client holds a /64: new addresses in it are the same client (issue 21, F10). */
  @Test
  void the_lockout_keys_an_ipv6_client_by_its_64_and_an_ipv4_client_by_its_address()
      throws Exception {
    failAll("2001:db8:5:6::");
    assertEquals(
        429,
        login("2001:db8:5:6:ffff:1:2:3", "anna", "riktig hest").statusCode(),
        "another address in the same /64 is locked out too");
    assertEquals(
        303,
        login("2001:db8:5:7::1", "anna", "riktig hest").statusCode(),
        "the next /64 is another client");
    failAll("192.0.2.");
    assertEquals(
        303,
        login("192.0.2.200", "anna", "riktig hest").statusCode(),
        "IPv4 addresses are clients of their own");
  }

  /** The free failures, each from another address: {@code prefix} and 1, 2, 3 ... */
  private void failAll(String prefix) throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertEquals(401, login(prefix + (i + 1), "anna", "gjett" + i).statusCode());
    }
  }
}
