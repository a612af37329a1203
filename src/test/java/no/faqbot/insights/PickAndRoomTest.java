package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.LogCapture;
import no.faqbot.TestServer;
import no.faqbot.TestServer.Reply;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Picks count only for entries a conversation was shown, the route that records them is limited per
 * client, and a store that may not grow refuses events and says so (issue 21, F3).
 */
class PickAndRoomTest {
  static final String CONVERSATION = "fedcba9876543210fedcba9876543210";
  @TempDir Path tmp;

  private TestServer server(RecordingSettings recording, Map<String, String> limits) {
    return new TestServer(TestSettings.in(tmp).limits(limits).recording(recording));
  }

  private static Reply chat(TestServer server, String message) {
    return server.postJson(
        "/api/chat",
        "{\"message\":\""
            + message
            + "\",\"lang\":\"nb\",\"conversation\":\""
            + CONVERSATION
            + "\"}");
  }

  private static Reply open(TestServer server, String id) {
    return server.get("/api/entries/" + id + "?lang=nb&conversation=" + CONVERSATION);
  }

  private static List<String> picks(TestServer server) throws Exception {
    return RecordingTest.events(server).stream()
        .filter(e -> e instanceof PickEvent)
        .map(e -> ((PickEvent) e).entryId())
        .toList();
  }

  @Test
  void a_pick_is_recorded_only_for_an_entry_the_conversation_was_shown() throws Exception {
    try (TestServer server = server(RecordingSettings.DEFAULT, null)) {
      Reply reply = chat(server, "hvor finner jeg butikk-ID?");
      String answer = reply.json().path("answer").path("id").asText();
      assertEquals("find-store-id", answer, reply.body());
      String related = reply.json().path("answer").path("related").path(0).path("id").asText();
      assertTrue(!related.isEmpty(), "the fixture's answer has related questions: " + reply.body());
      String other =
          server.app().knowledge().base().current().content().entries("nb").stream()
              .map(e -> e.id())
              .filter(id -> !id.equals(answer) && !id.equals(related))
              .filter(id -> reply.body().indexOf("\"" + id + "\"") < 0)
              .findFirst()
              .orElseThrow();
      for (int i = 0; i < 20; i++) {
        assertEquals(200, open(server, other).status(), "the entry itself is served to anyone");
      }
      assertEquals(200, open(server, answer).status());
      assertEquals(200, open(server, related).status());
      assertEquals(List.of(answer, related), picks(server));
      assertEquals(20, server.app().insights().recorder().refused(EventRecorder.NOT_SHOWN));
      assertTrue(
          server
              .get("/metrics")
              .body()
              .contains("faqbot_events_refused_total{reason=\"not_shown\"} 20.0"),
          "refused picks are counted in /metrics");
    }
  }

  @Test
  void opening_entries_is_limited_per_client() {
    try (TestServer server =
        server(RecordingSettings.DEFAULT, Map.of("FAQBOT_LIMIT_ENTRIES", "3/min"))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, open(server, "find-store-id").status());
      }
      Reply limited = open(server, "find-store-id");
      assertEquals(429, limited.status(), limited.body());
      assertEquals("rate_limited", limited.json().path("code").asText());
    }
  }

  @Test
  void a_store_at_its_size_limit_refuses_events_logs_it_once_and_health_says_full()
      throws Exception {
    try (LogCapture log = new LogCapture();
        TestServer server = server(new RecordingSettings(true, 90, 1, 0), null)) {
      Reply health = awaitStore(server, "full");
      assertEquals(200, server.get("/health/ready").status(), "chat needs no room in the store");
      for (int i = 0; i < 5; i++) {
        assertEquals(200, chat(server, "hvor finner jeg butikk-ID?").status());
      }
      assertEquals(List.of(), RecordingTest.events(server));
      assertEquals(
          5, server.app().insights().recorder().refused(EventRecorder.STORE_FULL), health.body());
      String text = log.text();
      assertTrue(text.contains("Event store full: the store holds"), text);
      assertTrue(text.contains("FAQBOT_STORE_MAX_MB"), text);
      assertEquals(1, text.split("Event store full", -1).length - 1, "said once: " + text);
    }
  }

  @Test
  void too_little_free_disk_refuses_events_too() throws Exception {
    try (LogCapture log = new LogCapture();
        TestServer server =
            server(new RecordingSettings(true, 90, Long.MAX_VALUE, Long.MAX_VALUE / 2), null)) {
      awaitStore(server, "full");
      assertEquals(200, chat(server, "hvor finner jeg butikk-ID?").status());
      assertEquals(List.of(), RecordingTest.events(server));
      assertTrue(log.text().contains("FAQBOT_DISK_RESERVE_MB"), log.text());
    }
  }

  static Reply awaitStore(TestServer server, String state) throws InterruptedException {
    Reply r = server.get("/health");
    for (int i = 0; i < 100 && !state.equals(r.json().path("store").asText()); i++) {
      Thread.sleep(50);
      r = server.get("/health");
    }
    assertEquals(state, r.json().path("store").asText(), r.body());
    return r;
  }
}
