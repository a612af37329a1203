package no.faqbot.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import no.faqbot.App;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FAQBOT_HELPDESK=webhook}: one signed POST per case; a receiver that is down gets the case
 * once it is back, once; a case that runs out of tries is failed until staff retry it.
 */
class WebhookDeliveryTest {
  private static final String SECRET = "webhook signing key";

  /** Short waits instead of minutes: the receiver's minute down is a few tries here. */
  private static final Backoff QUICK =
      new Backoff(Duration.ofMillis(40), Duration.ofMillis(80), 50);

  @TempDir Path tmp;

  private TestServer server(FakeHelpdesk receiver, Backoff backoff) {
    HelpdeskSettings webhook =
        new HelpdeskSettings("webhook", receiver.url().resolve("/hook"), null, SECRET, 1 << 20);
    return new TestServer(
        App.start(
            CaseForm.settings(TestSettings.in(tmp)).build(),
            new CaseDelivery(webhook, backoff, Duration.ofMillis(20))));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  /** A receiver that answers {@code ok} while {@code up}, else {@code down}. */
  private static FakeHelpdesk receiver(
      AtomicBoolean up, FakeHelpdesk.Answer ok, FakeHelpdesk.Answer down) throws IOException {
    return new FakeHelpdesk(r -> up.get() ? ok : down);
  }

  private static String status(TestServer server, String ref) {
    try {
      HttpResponse<byte[]> r = CaseForm.staff("GET", server.base() + "/staff/api/cases/" + ref);
      return CaseForm.json(r).path("status").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_receiver_that_was_down_gets_the_signed_case_once_when_it_is_back() throws Exception {
    AtomicBoolean up = new AtomicBoolean(false);
    try (FakeHelpdesk receiver =
            receiver(up, new FakeHelpdesk.Answer(204, ""), new FakeHelpdesk.Answer(503, ""));
        TestServer server = server(receiver, QUICK)) {
      HttpResponse<byte[]> send =
          new CaseForm("conversation-hook").post(server.base(), "/api/support-email/send");
      assertEquals(202, send.statusCode(), new String(send.body(), StandardCharsets.UTF_8));
      JsonNode answer = CaseForm.json(send);
      String ref = answer.path("caseRef").asText();
      assertFalse(answer.path("sent").asBoolean());
      assertTrue(answer.path("queued").asBoolean());
      assertEquals("webhook", answer.path("channel").asText());

      await(() -> receiver.requests.size() >= 4, "the receiver was tried a few times");
      assertEquals("queued", status(server, ref));
      up.set(true);
      await(() -> "delivered".equals(status(server, ref)), "the case is delivered");
      int seen = receiver.requests.size();
      Thread.sleep(300); // many polls: nothing more may arrive
      assertEquals(seen, receiver.requests.size(), "delivered once, never again");

      FakeHelpdesk.Request last = receiver.requests.get(seen - 1);
      assertEquals("POST", last.method());
      assertEquals("/hook", last.path());
      assertEquals(ref, last.header("X-Faqbot-Case"));
      assertEquals(
          "sha256=" + WebhookConnector.sign(SECRET.getBytes(StandardCharsets.UTF_8), last.body()),
          last.header("X-Faqbot-Signature"));
      JsonNode body = CaseForm.JSON.readTree(last.body());
      assertEquals(ref, body.path("caseRef").asText());
      assertEquals("K123456", body.path("fields").path("storeId").asText());
      assertEquals("BAD_VALUE", body.path("fields").path("errorCode").asText());
      assertFalse(last.text().contains("Sommer2026!"), "only redacted fields leave");
      assertArrayEquals(
          CaseForm.PNG,
          Base64.getDecoder().decode(body.path("screenshots").get(0).path("base64").asText()));
    }
  }

  @Test
  void a_case_out_of_tries_is_failed_until_staff_retry_it() throws Exception {
    AtomicBoolean up = new AtomicBoolean(false);
    Backoff three = new Backoff(Duration.ofMillis(10), Duration.ofMillis(10), 3);
    try (FakeHelpdesk receiver =
            receiver(up, new FakeHelpdesk.Answer(200, "{}"), new FakeHelpdesk.Answer(500, ""));
        TestServer server = server(receiver, three)) {
      String ref =
          CaseForm.json(
                  new CaseForm("conversation-dead").post(server.base(), "/api/support-email/send"))
              .path("caseRef")
              .asText();
      await(() -> "failed".equals(status(server, ref)), "the case is given up");
      // Three tries, each written to the case's log; the receiver's own count may be higher when
      // the JDK client, on a loaded machine, sends a try again on a fresh connection.
      String log =
          CaseForm.json(CaseForm.staff("GET", server.base() + "/staff/api/cases/" + ref))
              .path("log")
              .toString();
      assertTrue(log.contains("try 3 failed") && log.contains("given up"), log);
      assertFalse(log.contains("try 4"), log);
      assertTrue(receiver.requests.size() >= 3, "requests: " + receiver.requests.size());
      up.set(true);
      HttpResponse<byte[]> retry =
          CaseForm.staff("POST", server.base() + "/staff/api/cases/" + ref + "/retry");
      assertEquals(200, retry.statusCode());
      assertTrue(CaseForm.json(retry).path("delivered").asBoolean());
      assertEquals("delivered", status(server, ref));
    }
  }
}
