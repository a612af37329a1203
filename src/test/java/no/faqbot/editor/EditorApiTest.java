package no.faqbot.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import no.faqbot.format.Sha256;
import no.faqbot.insights.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The editor's JSON routes through the real server: lint, stale drafts, rejected content, escaping.
 */
class EditorApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A server for each test: publishing changes its content. */
  @RegisterExtension final FaqbotServer server = new FaqbotServer(s -> s.fixture("good").staff());

  Path file;
  String original;

  @BeforeEach
  void start() throws Exception {
    file = server.content().resolve("faq/nb/order-expiry.md");
    original = Files.readString(file);
  }

  private TestServer.Reply post(String route, String text, String fileHash) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lang", "nb");
    body.put("id", "order-expiry");
    body.put("text", text);
    // The revision the draft was made on: the one served (with the store, the folder is revision
    // 1).
    body.put("base", server.app().revisions().publisher().servedRevision());
    body.put("fileHash", fileHash);
    return server.staffSend("POST", "/staff/api/editor/" + route, JSON.writeValueAsString(body));
  }

  private String hash() {
    return Sha256.hex(original.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void lint_names_the_line_of_the_mistake_in_plain_words() throws Exception {
    TestServer.Reply clean = post("lint", original, hash());
    assertEquals(200, clean.status(), clean.body());
    assertEquals(0, clean.json().get("problems").size(), clean.body());
    TestServer.Reply broken =
        post("lint", original.replace("question: Når", "question: \"Når"), hash());
    JsonNode problem = broken.json().get("problems").get(0);
    assertEquals(4, problem.get("line").asInt(), broken.body());
    assertTrue(problem.get("message").asText().contains("never closed"), broken.body());
    TestServer.Reply related =
        post("lint", original.replace("related: []", "related: [no-such-entry]"), hash());
    assertTrue(
        related.json().get("problems").get(0).get("message").asText().contains("no-such-entry"),
        related.body());
    assertEquals(401, server.postJson("/staff/api/editor/lint", "{}").status(), "login first");
  }

  @Test
  void a_draft_is_kept_escaped_and_publishing_it_is_checked_then_served() throws Exception {
    String hostile = original.replace("28 dager", "28 dager </textarea><script>alert(1)</script>");
    post("lint", hostile, hash());
    TestServer.Reply page = server.staffGet("/staff/editor/nb/order-expiry");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("&lt;script&gt;alert(1)"), "the draft is shown, escaped");
    assertFalse(page.body().contains("<script>alert"), page.body());

    TestServer.Reply rejected =
        post("publish", original.replace("related: []", "related: [no-such-entry]"), hash());
    assertEquals(422, rejected.status(), rejected.body());
    assertEquals("content_rejected", rejected.json().get("code").asText());
    assertTrue(rejected.body().contains("no-such-entry"), rejected.body());
    assertEquals(original, Files.readString(file), "nothing written");

    TestServer.Reply stale =
        post("publish", original.replace("28 dager", "30 dager"), Sha256.hex(new byte[] {1}));
    assertEquals(409, stale.status(), stale.body());
    assertEquals("stale_revision", stale.json().get("code").asText());
    assertEquals(original, Files.readString(file), "nothing written");

    TestServer.Reply published = post("publish", original.replace("28 dager", "30 dager"), hash());
    assertEquals(200, published.status(), published.body());
    assertTrue(
        server.get("/api/entries/order-expiry").json().get("answer").asText().contains("30 dager"));
    assertEquals(
        "publish-entry",
        new AuditLog(server.app().insights().store(), Clock.systemUTC()).latest(1).get(0).action());
    TestServer.Reply again = post("publish", original.replace("28 dager", "31 dager"), hash());
    assertEquals(409, again.status(), "a draft opened on the old file is stale now");
  }
}
