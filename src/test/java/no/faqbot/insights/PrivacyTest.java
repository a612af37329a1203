package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention, export and deletion of recorded events, and the audit log of who did it. */
class PrivacyTest {
  static final long DAY = 86_400_000L;
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.staff());
  static EventRepository events;

  @BeforeAll
  static void start() throws Exception {
    events = new EventRepository(server.app().insights().store());
    long t = Instant.parse("2026-11-10T12:00:00Z").toEpochMilli();
    events.insert(
        List.of(
            EventRepositoryContract.turn(
                t, "conversation-a", "=HYPERLINK(\"http://evil\")", "fallback"),
            EventRepositoryContract.turn(t + DAY, "conversation-a", "hei, \"sitat\"", "answer"),
            EventRepositoryContract.turn(t + 5 * DAY, "conversation-b", "senere", "answer")));
  }

  private static Reply staff(HttpRequest.Builder request) {
    String basic =
        Base64.getEncoder().encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
    return server.send(request.header("Authorization", "Basic " + basic).build());
  }

  private static Reply deleteConversation(String id) {
    return staff(
        HttpRequest.newBuilder(URI.create(server.base() + "/staff/api/conversations/" + id))
            .DELETE());
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
  }

  @Test
  void export_of_a_period_as_csv_is_safe_for_spreadsheets() {
    Reply csv = staff(get("/staff/api/events.csv?from=2026-11-10&to=2026-11-11"));
    assertEquals(200, csv.status(), csv.body());
    String[] lines = csv.body().split("\r\n");
    assertEquals(3, lines.length, csv.body());
    assertTrue(
        lines[0].startsWith("at,kind,conversation,lang,message,replyType,entryId,score"), lines[0]);
    assertTrue(
        lines[1].contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","),
        "formula defused: " + lines[1]);
    assertTrue(lines[2].contains(",\"hei, \"\"sitat\"\"\","), lines[2]);
    assertEquals(401, server.get("/staff/api/events.csv").status(), "staff only");
  }

  @Test
  void export_as_json_lines() throws Exception {
    Reply jsonl = staff(get("/staff/api/events.jsonl?from=2026-11-15&to=2026-11-30"));
    assertEquals(200, jsonl.status(), jsonl.body());
    String[] lines = jsonl.body().strip().split("\n");
    assertEquals(1, lines.length);
    var row = new ObjectMapper().readTree(lines[0]);
    assertEquals("conversation-b", row.get("conversation").asText());
    assertEquals("2026-11-15T12:00:00Z", row.get("at").asText());
    assertEquals(400, staff(get("/staff/api/events.jsonl?from=2026-13-01")).status());
  }

  @Test
  void staff_can_delete_one_conversation_and_it_is_audited() throws Exception {
    events.insert(List.of(EventRepositoryContract.turn(1, "conversation-del", "x", "answer")));
    Reply deleted = deleteConversation("conversation-del");
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals(1, deleted.json().get("deleted").asInt());
    AuditLog.Entry last =
        new AuditLog(server.app().insights().store(), Clock.systemUTC()).latest(1).get(0);
    assertEquals("anna", last.user());
    assertEquals("delete-conversation", last.action());
    assertTrue(last.detail().startsWith("conversation-del"), last.detail());
    assertEquals(
        401,
        server
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.base() + "/staff/api/conversations/conversation-a"))
                    .DELETE()
                    .build())
            .status());
  }

  @Test
  void a_deleted_conversation_is_not_left_readable_in_the_database_files() throws Exception {
    String distinct = "kort 4111-ZQXJ-deleted-conversation-marker";
    events.insert(
        List.of(EventRepositoryContract.turn(2 * DAY, "conversation-gone", distinct, "answer")));
    Path data = server.dir().resolve("data");
    assertTrue(inFiles(data, distinct), "the test can see the string before the delete");
    Reply deleted = deleteConversation("conversation-gone");
    assertEquals(200, deleted.status(), deleted.body());
    try (var c = server.app().insights().store().connection();
        var s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    assertFalse(inFiles(data, distinct), "not in faqbot.db, -wal or -shm");
  }

  /** Whether any store file (the database, its write-ahead log and shared memory) holds text. */
  private static boolean inFiles(Path data, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (var files = Files.list(data)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("faqbot.db")).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
          if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void the_retention_purge_deletes_only_events_older_than_the_period() throws Exception {
    events.insert(
        List.of(
            EventRepositoryContract.turn(
                Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(),
                "conversation-old",
                "gammel",
                "answer")));
    Clock now = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    long before = events.count();
    assertEquals(1, new RetentionPurge(events, 90, now).run());
    assertEquals(before - 1, events.count(), "only the event from January is past 90 days");
  }
}
