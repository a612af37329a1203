package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.TestServer;
import no.faqbot.TestServer.Reply;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a conversation through the real server leaves in the embedded store. */
class RecordingTest {
  static final String CONVERSATION = "0123456789abcdef0123456789abcdef";
  @TempDir Path tmp;

  private TestServer server(boolean recording) {
    return new TestServer(TestSettings.in(tmp).recording(new RecordingSettings(recording, 90)));
  }

  static List<Event> events(TestServer server) throws Exception {
    assertTrue(
        server.app().insights().recorder().flush(5000), "the recorder writes within seconds");
    List<Event> all = new ArrayList<>();
    new EventRepository(server.app().insights().store()).forEach(0, Long.MAX_VALUE, all::add);
    return all;
  }

  private static Reply chat(TestServer server, String message, String conversation) {
    return server.postJson(
        "/api/chat",
        "{\"message\":\""
            + message
            + "\",\"lang\":\"nb\",\"conversation\":\""
            + conversation
            + "\"}");
  }

  @Test
  void a_turn_is_recorded_with_its_reply_ranking_and_no_secret() throws Exception {
    try (TestServer server = server(true)) {
      assertEquals(
          200,
          chat(server, "hvor finner jeg butikk-ID? passord: hemmelig1", CONVERSATION).status());
      assertEquals(200, chat(server, "qwxz blorp", "not an id!").status());
      assertEquals(
          200,
          server.get("/api/entries/find-store-id?lang=nb&conversation=" + CONVERSATION).status());
      List<Event> events = events(server);
      TurnEvent turn = (TurnEvent) events.get(0);
      assertEquals(CONVERSATION, turn.conversation());
      assertEquals("nb", turn.lang());
      assertEquals("answer", turn.replyType());
      assertEquals("find-store-id", turn.entryId());
      assertNotNull(turn.score());
      assertTrue(turn.message().startsWith("hvor finner jeg butikk-ID?"), turn.message());
      assertFalse(turn.message().contains("hemmelig1"), turn.message());
      TurnEvent fallback = (TurnEvent) events.get(1);
      assertEquals("fallback", fallback.replyType());
      assertNull(fallback.conversation(), "free text is never kept as a conversation id");
      PickEvent pick = (PickEvent) events.get(2);
      assertEquals("find-store-id", pick.entryId());
      assertEquals(CONVERSATION, pick.conversation());
    }
  }

  @Test
  void a_prepared_support_email_is_recorded_without_address_or_attachment() throws Exception {
    try (TestServer server = server(true)) {
      String boundary = "----faqbot" + System.nanoTime();
      StringBuilder body = new StringBuilder();
      String[][] fields = {
        {"storeId", "12345"},
        {"merchantEmail", "butikk@example.no"},
        {"errorCode", "BAD_VALUE"},
        {"description", "Kassen feiler"},
        {"lang", "nb"},
        {"conversation", CONVERSATION}
      };
      for (String[] f : fields) {
        body.append("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(f[0])
            .append("\"\r\n\r\n")
            .append(f[1])
            .append("\r\n");
      }
      body.append("--").append(boundary).append("--\r\n");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(server.base() + "/api/support-email?format=json"))
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              body.toString(), StandardCharsets.UTF_8))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      SupportEvent mail = (SupportEvent) events(server).get(0);
      assertEquals(EventKind.SUPPORT_PREPARED, mail.kind());
      assertEquals(CONVERSATION, mail.conversation());
      assertEquals("BAD_VALUE", mail.errorCode());
      assertTrue(response.body().contains(mail.caseRef()), mail.caseRef());
      assertFalse(mail.toString().contains("butikk@example.no"), mail.toString());
    }
  }

  @Test
  void a_vote_is_recorded_without_the_secret_in_its_question() throws Exception {
    try (TestServer server = server(true)) {
      assertEquals(
          201,
          server
              .postJson(
                  "/api/feedback",
                  "{\"entryId\":\"find-store-id\",\"helpful\":false,"
                      + "\"query\":\"butikk-id? passordet mitt er Sommer2026xy\",\"lang\":\"nb\"}")
              .status());
      VoteEvent vote = (VoteEvent) events(server).get(0);
      assertTrue(vote.message().startsWith("butikk-id?"), vote.message());
      assertFalse(vote.message().contains("Sommer2026xy"), vote.message());
    }
  }

  @Test
  void with_recording_off_nothing_is_stored() throws Exception {
    try (TestServer server = server(false)) {
      assertEquals(200, chat(server, "hvor finner jeg butikk-ID?", CONVERSATION).status());
      assertEquals(
          201,
          server
              .postJson("/api/feedback", "{\"entryId\":\"find-store-id\",\"helpful\":true}")
              .status());
      assertEquals(List.of(), events(server));
    }
  }
}
