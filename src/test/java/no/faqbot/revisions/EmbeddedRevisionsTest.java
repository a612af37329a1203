package no.faqbot.revisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import no.faqbot.CliRun;
import no.faqbot.Fixtures;
import no.faqbot.TestServer;
import no.faqbot.content.ContentFiles;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.MarkdownRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One machine with the embedded store: the command line publishes, pulls and restores revisions,
 * and the running server follows them; an edit in the folder itself becomes a revision.
 */
class EmbeddedRevisionsTest {
  @TempDir Path tmp;
  Path content;
  TestServer server;
  Map<String, String> env;

  @BeforeEach
  void start() {
    content = Fixtures.content("good", tmp);
    server = new TestServer(content, tmp);
    server.app().watchContent();
    // The content folder too: on one machine, publish and restore also write it.
    env =
        Map.of("FAQBOT_DATA", tmp.resolve("data").toString(), "FAQBOT_CONTENT", content.toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long started = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - started > 10_000_000_000L) {
        throw new AssertionError(what + ": not seen within 10 s");
      }
      Thread.sleep(50);
    }
  }

  private String answer(String id) {
    TestServer.Reply r = server.get("/api/entries/" + id);
    return r.status() == 200 ? r.json().path("answer").asText() : "HTTP " + r.status();
  }

  private CliRun cli(String... args) {
    return CliRun.of(env, args);
  }

  @Test
  void publish_pull_and_restore_through_the_command_line_reach_the_running_server()
      throws Exception {
    TestServer.Reply health = server.get("/health");
    assertEquals(1, health.json().path("revision").asLong(), health.body());
    assertEquals(
        ContentFiles.fingerprint(ContentFiles.files(content)),
        health.json().path("contentFingerprint").asText());

    Path edit = tmp.resolve("edit");
    CliRun pull = cli("content", "pull", edit.toString());
    assertEquals(0, pull.code(), pull.err());
    Path file = edit.resolve("faq/nb/order-expiry.md");
    assertEquals(
        Files.readString(content.resolve("faq/nb/order-expiry.md")), Files.readString(file));

    Files.writeString(file, Files.readString(file).replace("28 dager", "30 dager"));
    CliRun published = cli("content", "publish", edit.toString(), "-m", "30 dager nå");
    assertEquals(0, published.code(), published.err() + published.out());
    assertTrue(published.out().contains("as revision 2"), published.out());
    waitFor(() -> answer("order-expiry").contains("30 dager"), "the published change");
    waitFor(() -> server.get("/health").json().path("revision").asLong() == 2, "revision 2");
    assertTrue(Files.readString(content.resolve("faq/nb/order-expiry.md")).contains("30 dager"));

    // A broken folder is refused with the file and line, and nothing is published.
    Files.writeString(file, Files.readString(file).replace("id: order-expiry", "id: [oops"));
    CliRun broken = cli("content", "publish", edit.toString(), "-m", "broken");
    assertEquals(1, broken.code(), broken.out());
    assertTrue(broken.out().contains("faq/nb/order-expiry.md:"), broken.out());
    assertTrue(broken.out().contains("nothing was published"), broken.out());

    CliRun restored = cli("content", "restore", "1");
    assertEquals(0, restored.code(), restored.err() + restored.out());
    assertTrue(restored.out().contains("as revision 3"), restored.out());
    waitFor(() -> answer("order-expiry").contains("28 dager"), "the restored revision");

    CliRun history = cli("content", "history");
    assertEquals(0, history.code(), history.err());
    assertTrue(history.out().contains("bootstrap"), history.out());
    assertTrue(history.out().contains("30 dager nå"), history.out());
    assertTrue(history.out().contains("restore revision 1"), history.out());

    CliRun old = cli("content", "pull", tmp.resolve("old").toString(), "--revision", "2");
    assertEquals(0, old.code(), old.err());
    assertTrue(Files.readString(tmp.resolve("old/faq/nb/order-expiry.md")).contains("30 dager"));
  }

  @Test
  void an_edit_in_the_folder_itself_becomes_a_revision_and_survives_a_restart() throws Exception {
    Path file = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(file, Files.readString(file).replace("28 dager", "31 dager"));
    waitFor(() -> server.get("/health").json().path("revision").asLong() == 2, "revision 2");
    RevisionLog log = server.app().revisions().log();
    assertEquals(RevisionPublisher.osUser(), log.newest().orElseThrow().author());
    assertTrue(
        new String(
                log.files(2).get("faq/nb/order-expiry.md"), java.nio.charset.StandardCharsets.UTF_8)
            .contains("31 dager"));
    server.close();
    server = new TestServer(content, tmp);
    server.app().awaitReady();
    assertEquals(2, server.get("/health").json().path("revision").asLong());
    assertTrue(answer("order-expiry").contains("31 dager"));
  }

  @Test
  void while_the_server_is_stopped_the_folder_leads_and_a_publish_writes_it() throws Exception {
    server.close();
    Path file = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(file, Files.readString(file).replace("28 dager", "32 dager"));
    server = new TestServer(content, tmp);
    server.app().awaitReady();
    assertTrue(answer("order-expiry").contains("32 dager"), "an edit made while stopped is kept");
    assertEquals(2, server.get("/health").json().path("revision").asLong());
    assertEquals(
        RevisionPublisher.osUser(), server.app().revisions().log().newest().orElseThrow().author());
    server.close();

    CliRun restored = cli("content", "restore", "1");
    assertEquals(0, restored.code(), restored.err() + restored.out());
    assertTrue(Files.readString(file).contains("28 dager"), "restore wrote the served folder");
    server = new TestServer(content, tmp);
    server.app().awaitReady();
    assertTrue(answer("order-expiry").contains("28 dager"));
    assertEquals(3, server.get("/health").json().path("revision").asLong());
  }

  @Test
  void an_edit_in_progress_made_while_stopped_is_never_overwritten() throws Exception {
    server.close();
    Path file = content.resolve("faq/nb/order-expiry.md");
    String good = Files.readString(file);
    String broken = good.replace("id: order-expiry", "id: [oops").replace("28 dager", "33 dager");
    Files.writeString(file, broken);
    server = new TestServer(content, tmp);
    server.app().awaitReady();
    server.app().watchContent();
    Thread.sleep(2 * RevisionFollower.POLL_MILLIS + 500); // the follower had its chances
    assertEquals(broken, Files.readString(file), "the editor's file is left alone");
    Files.writeString(file, good.replace("28 dager", "33 dager"));
    waitFor(() -> answer("order-expiry").contains("33 dager"), "the fixed edit");
    waitFor(() -> server.get("/health").json().path("revision").asLong() == 2, "revision 2");
  }

  @Test
  void identical_folders_with_different_names_have_the_same_fingerprint() throws Exception {
    Path other = Fixtures.content("good", tmp.resolve("a")).resolveSibling("contentA");
    Files.move(tmp.resolve("a/content"), other);
    String one = new ContentLoader(content, new MarkdownRenderer()).load().fingerprint();
    String two = new ContentLoader(other, new MarkdownRenderer()).load().fingerprint();
    assertEquals(one, two);
    assertEquals(one, ContentFiles.fingerprint(ContentFiles.files(other)));
    Files.writeString(other.resolve("faq/nb/order-expiry.md"), "changed");
    assertTrue(
        !one.equals(ContentFiles.fingerprint(ContentFiles.files(other))),
        "a changed file changes the fingerprint");
  }
}
