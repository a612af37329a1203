package no.faqbot.revisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import no.faqbot.App;
import no.faqbot.Fixtures;
import no.faqbot.ReplicaSettings;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import no.faqbot.config.Settings;
import no.faqbot.knowledge.ContentChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guided flow changed mid-conversation (a publish, a rolling deploy): a server that has the
 * version the conversation started on continues it, one that has not says so in plain words and
 * offers to start again; never a 400.
 */
class FlowAcrossRevisionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "one secret shared by every replica";
  private static final String FLOW = "failed-test-purchase";
  private static final String FILE = "flows/" + FLOW + ".yaml";

  @TempDir Path tmp;

  static Settings server(Path dir, Path content) {
    return ReplicaSettings.of(dir, content, null, SECRET);
  }

  private static TestServer.Reply choose(TestServer server, JsonNode state, String lang) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("lang", lang)
            .put("choice", firstOption(state == null ? null : state));
    body.set("state", state.path("state"));
    return server.postJson("/api/chat", body.toString());
  }

  private static String firstOption(JsonNode reply) {
    return reply.path("flow").path("options").get(0).path("id").asText();
  }

  @Test
  void a_conversation_outlives_a_change_of_its_flow() throws Exception {
    Path contentA = Fixtures.content(TestSettings.FIXTURE, tmp.resolve("a"));
    TestServer a = new TestServer(server(tmp.resolve("a"), contentA));
    TestServer b = null;
    try {
      a.app().awaitReady();
      JsonNode started =
          a.postJson("/api/chat", "{\"flow\":\"" + FLOW + "\",\"lang\":\"nb\"}").json();
      assertEquals("flow", started.path("type").asText(), started.toString());

      // Only the title changes, so the flow's revision (a hash of its file) changes.
      String old = Files.readString(contentA.resolve(FILE));
      String changed = old.replace("Testkjøpet går ikke gjennom", "Testkjøpet feiler");
      assertTrue(!changed.equals(old));
      App app = a.app();
      app.revisions()
          .publisher()
          .publish(
              new ContentChange(
                  app.revisions().publisher().servedRevision(),
                  Map.of(FILE, changed),
                  Set.of(),
                  "anna",
                  "new title"));

      TestServer.Reply same = choose(a, started, "nb");
      assertEquals(200, same.status(), same.body());
      assertEquals("flow", same.json().path("type").asText(), "A kept the old version");

      // A server that never had that version (its own store, the new files only).
      Path contentB = Fixtures.content(TestSettings.FIXTURE, tmp.resolve("b"));
      Files.writeString(contentB.resolve(FILE), changed);
      b = new TestServer(server(tmp.resolve("b"), contentB));
      b.app().awaitReady();
      for (String lang : new String[] {"nb", "en"}) {
        TestServer.Reply offer = choose(b, started, lang);
        assertEquals(200, offer.status(), offer.body());
        assertEquals("flow_changed", offer.json().path("type").asText(), offer.body());
        assertEquals(FLOW, offer.json().path("action").path("flow").asText(), offer.body());
        assertEquals("start_flow", offer.json().path("action").path("type").asText());
        assertTrue(offer.json().path("state").isNull(), "the old state is dropped");
        assertTrue(
            offer
                .json()
                .path("text")
                .asText()
                .contains(lang.equals("nb") ? "oppdatert" : "updated"),
            offer.body());
      }
      TestServer.Reply restart = b.postJson("/api/chat", "{\"flow\":\"" + FLOW + "\"}");
      assertEquals("Testkjøpet feiler", restart.json().path("flow").path("title").asText());

      // A restarted A has nothing in memory, but finds the version in its content revisions.
      a.close();
      a = new TestServer(server(tmp.resolve("a"), contentA));
      a.app().awaitReady();
      TestServer.Reply afterRestart = choose(a, started, "nb");
      assertEquals(200, afterRestart.status(), afterRestart.body());
      assertEquals("flow", afterRestart.json().path("type").asText(), afterRestart.body());
      assertEquals(
          "Testkjøpet går ikke gjennom",
          afterRestart.json().path("flow").path("title").asText(),
          "continued on the version it started on");
    } finally {
      a.close();
      if (b != null) {
        b.close();
      }
    }
  }
}
