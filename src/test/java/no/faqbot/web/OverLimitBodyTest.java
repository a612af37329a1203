package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21 F13: a body over the limit is answered 413 before the connection closes, while the
 * client is still sending it: the server reads and discards it (up to a bound) instead of closing
 * on unread bytes, which made the client's TCP stack drop the answer now and then.
 */
class OverLimitBodyTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  @RepeatedTest(50)
  void an_over_limit_body_always_gets_its_413() {
    Reply r = server.postJson("/api/chat", "{\"message\": \"" + "a".repeat(200_000) + "\"}");
    assertEquals(413, r.status(), r.body());
    assertEquals("payload_too_large", r.json().path("code").asText(), r.body());
  }
}
