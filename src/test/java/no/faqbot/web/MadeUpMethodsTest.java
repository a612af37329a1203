package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.faqbot.FaqbotServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21 F1: every made-up method a client sends is {@code OTHER} before it reaches a route
 * lookup, a metric label or the request log, so {@code /metrics} stays small whatever comes.
 */
class MadeUpMethodsTest {
  private static final Pattern METHOD_LABEL = Pattern.compile("method=\"([^\"]*)\"");

  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  @Test
  void made_up_methods_get_405_or_404_and_leave_the_metrics_bounded() throws Exception {
    int before = server.get("/metrics").body().length();
    for (int i = 0; i < 300; i++) {
      String method = "M" + i + (i % 3 == 0 ? "Z".repeat(2_000) : "");
      String path = i % 2 == 0 ? "/api/chat" : "/nothing-" + i;
      try (RawHttp http = new RawHttp(server.base())) {
        String answer =
            http.send(method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .answer();
        int status = RawHttp.status(answer);
        if (i % 2 == 0) {
          assertEquals(405, status, answer);
          assertTrue(answer.contains("Allow: POST"), answer);
          assertTrue(RawHttp.body(answer).contains("\"method_not_allowed\""), answer);
        } else {
          assertEquals(404, status, answer);
        }
        assertFalse(RawHttp.body(answer).contains("ZZZZ"), "the method is not echoed: " + answer);
        assertTrue(answer.contains("X-Request-Id: "), answer);
      }
    }
    String metrics = server.get("/metrics").body();
    assertFalse(metrics.contains("ZZZZ"), "no made-up method in a label");
    assertFalse(metrics.contains("nothing-"), "no raw path in a label");
    Matcher m = METHOD_LABEL.matcher(metrics);
    while (m.find()) {
      assertTrue(
          Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "OTHER")
              .contains(m.group(1)),
          m.group());
    }
    assertTrue(
        metrics.contains("method=\"OTHER\",route=\"/api/chat\",status=\"405\""),
        "counted under OTHER");
    assertTrue(
        metrics.length() < before + 20_000,
        "300 made-up methods add a few series, not 300: " + (metrics.length() - before));
  }

  @Test
  void a_method_line_too_long_to_parse_gets_a_json_error() throws Exception {
    try (RawHttp http = new RawHttp(server.base())) {
      String answer =
          http.send(
                  "M" + "Z".repeat(20_000) + " / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .answer();
      int status = RawHttp.status(answer);
      assertTrue(status == 400 || status == 414 || status == 431, answer);
      assertTrue(RawHttp.body(answer).contains("\"code\""), answer);
    }
  }
}
