package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.faqbot.FaqbotServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every HTML page carries a CSP and may not be framed; every answer is nosniff. */
class SecurityHeadersTest {
  @RegisterExtension
  static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good").staff());

  final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void staff_pages_have_a_strict_csp_and_cannot_be_framed() throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
    String[] pages = {
      "/staff/login", "/staff/search?q=ordre", "/staff/content", "/staff/entries/order-expiry"
    };
    for (String path : pages) {
      HttpResponse<String> page = get(path, path.equals("/staff/login") ? null : basic);
      assertEquals(200, page.statusCode(), path + ": " + page.body());
      String csp = header(page, "Content-Security-Policy");
      assertTrue(
          csp.contains("default-src 'none'")
              && csp.contains("script-src 'self'")
              && csp.contains("frame-ancestors 'none'")
              && !csp.contains("unsafe-inline"),
          path + ": " + csp);
      assertEquals("DENY", header(page, "X-Frame-Options"), path);
      assertEquals("nosniff", header(page, "X-Content-Type-Options"), path);
      assertEquals("no-referrer", header(page, "Referrer-Policy"), path);
    }
  }

  @Test
  void the_demo_page_keeps_its_own_csp_and_every_answer_is_nosniff() throws Exception {
    HttpResponse<String> demo = get("/", null);
    assertTrue(
        header(demo, "Content-Security-Policy").contains("connect-src 'self'"),
        demo.headers().toString());
    assertEquals("DENY", header(demo, "X-Frame-Options"));
    for (String path :
        new String[] {"/api/search?q=ordre", "/widget.js", "/health", "/api/nothing"}) {
      assertEquals("nosniff", header(get(path, null), "X-Content-Type-Options"), path);
    }
  }
}
