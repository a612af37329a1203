package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-client limits through real HTTP: 429 with Retry-After, per client, configurable, off. */
class ClientLimitsTest {
  private static final String CHAT = "{\"message\":\"hei\",\"lang\":\"nb\"}";
  @TempDir Path tmp;
  private final HttpClient client = HttpClient.newHttpClient();

  private TestServer server(Map<String, String> limits) {
    return new TestServer(
        TestSettings.in(tmp).fixture("good").trustedProxies("127.0.0.1").limits(limits));
  }

  private HttpResponse<String> chat(TestServer server, String forwardedFor, String query)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.base() + "/api/chat" + query))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(CHAT));
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_client_over_its_limit_gets_429_with_retry_after_and_others_do_not() throws Exception {
    try (TestServer server = server(Map.of("FAQBOT_LIMIT_CHAT", "3/min"))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, chat(server, "203.0.113.7", "").statusCode());
      }
      HttpResponse<String> limited = chat(server, "203.0.113.7", "");
      assertEquals(429, limited.statusCode(), limited.body());
      assertEquals("20", limited.headers().firstValue("Retry-After").orElse(""));
      assertTrue(limited.body().contains("\"code\":\"rate_limited\""), limited.body());
      assertTrue(
          limited.body().contains("For mange forespørsler")
              && limited.body().contains("Too many requests"),
          limited.body());
      HttpResponse<String> english = chat(server, "203.0.113.7", "?lang=en");
      assertTrue(
          english.body().contains("Too many requests") && !english.body().contains("For mange"),
          english.body());
      assertEquals(
          200, chat(server, "198.51.100.4", "").statusCode(), "another client behind the proxy");
      assertEquals(200, chat(server, null, "").statusCode(), "the proxy itself");
      assertEquals(200, server.get("/api/search?q=ordre").status(), "unlimited routes stay open");
    }
  }

  @Test
  void support_sends_are_limited_hard_by_default() throws Exception {
    try (TestServer server = server(Map.of())) {
      String boundary = "b0undary";
      String body =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"merchantEmail\"\r\n\r\n"
              + "butikk@example.no\r\n--"
              + boundary
              + "--\r\n";
      int limited = 0;
      for (int i = 0; i < 20; i++) {
        URI send = URI.create(server.base() + "/api/support-email/send");
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(send)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
          limited++;
        } else {
          assertEquals(409, r.statusCode(), "no SMTP configured here: " + r.body());
        }
      }
      assertEquals(15, limited, "5 sends per 10 minutes");
    }
  }

  @Test
  void a_limit_switched_off_does_not_limit() throws Exception {
    try (TestServer server = server(Map.of("FAQBOT_LIMIT_CHAT", "off"))) {
      for (int i = 0; i < 80; i++) {
        assertEquals(200, chat(server, null, "").statusCode(), "request " + i);
      }
    }
  }

  @Test
  void bad_limit_settings_stop_the_start_with_the_variable_named() {
    IllegalArgumentException spec =
        assertThrows(
            IllegalArgumentException.class, () -> server(Map.of("FAQBOT_LIMIT_CHAT", "lots")));
    assertTrue(spec.getMessage().startsWith("FAQBOT_LIMIT_CHAT: 'lots'"), spec.getMessage());
    // Settings hold limits parsed, by route: a name that is no limit has nowhere to go.
    TestSettings typo = TestSettings.in(tmp).content(tmp).limit("FAQBOT_LIMIT_CAHT", "10/min");
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, typo::build);
    assertTrue(
        name.getMessage().startsWith("FAQBOT_LIMIT_CAHT is not a known limit"), name.getMessage());
  }
}
