package no.faqbot.revisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import no.faqbot.CliRun;
import no.faqbot.Fixtures;
import no.faqbot.ReplicaSettings;
import no.faqbot.TestServer;
import no.faqbot.knowledge.ContentChange;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentRejectedException;
import no.faqbot.knowledge.StaleRevisionException;
import no.faqbot.store.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas with their own content folders (named differently) on one PostgreSQL: what is
 * published through one is served by the other within seconds, both show the same revision and
 * fingerprint, and a restart keeps it, even with an old folder deployed beside it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedRevisionsTest {
  private static final String ENTRY = "faq/nb/order-expiry.md";
  @TempDir static Path tmp;
  static PostgresDatabase database;
  static Path contentA;
  static Path contentB;
  static TestServer a;
  static TestServer b;

  @BeforeAll
  static void start() throws Exception {
    database = PostgresDatabase.createOrSkip();
    contentA = Fixtures.content("good", tmp.resolve("a"));
    contentB = tmp.resolve("b/contentB");
    Files.move(Fixtures.content("good", tmp.resolve("b")), contentB);
    a = replica("a", contentA);
    a.app().awaitReady();
    b = replica("b", contentB);
    b.app().awaitReady();
  }

  static TestServer replica(String name, Path content) {
    return new TestServer(
        ReplicaSettings.of(tmp.resolve(name), content, database.settings(), null));
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestServer server : new TestServer[] {a, b}) {
      if (server != null) {
        server.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  static String answer(TestServer server) {
    TestServer.Reply r = server.get("/api/entries/order-expiry");
    return r.status() == 200 ? r.json().path("answer").asText() : "HTTP " + r.status();
  }

  /** Waits until {@code server} answers with {@code text}; returns the milliseconds it took. */
  static long servedBy(TestServer server, String text) throws InterruptedException {
    long started = System.nanoTime();
    while (!answer(server).contains(text)) {
      if (System.nanoTime() - started > 10_000_000_000L) {
        throw new AssertionError("'" + text + "' not served within 10 s: " + answer(server));
      }
      Thread.sleep(50);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  static void sameRevisionOnBoth(long revision) {
    JsonNode onA = a.get("/health").json();
    JsonNode onB = b.get("/health").json();
    assertEquals(revision, onA.path("revision").asLong(), onA.toString());
    assertEquals(revision, onB.path("revision").asLong(), onB.toString());
    assertEquals(
        onA.path("contentFingerprint").asText(),
        onB.path("contentFingerprint").asText(),
        "folders named content and contentB with the same files");
  }

  static String withDays(String days) throws Exception {
    return Files.readString(contentA.resolve(ENTRY))
        .replaceAll("\\*\\*\\d+ dager\\*\\*", "**" + days + "**");
  }

  @Test
  @Order(1)
  void the_first_replica_made_the_folder_revision_one_and_the_second_serves_it() {
    sameRevisionOnBoth(1);
  }

  @Test
  @Order(2)
  void a_change_published_through_one_replica_is_served_by_the_other_and_survives_a_restart()
      throws Exception {
    ContentPublisher publisher = a.app().publisher();
    ContentPublisher.Published published =
        publisher.publish(
            new ContentChange(
                publisher.servedRevision(),
                Map.of(ENTRY, withDays("29 dager")),
                Set.of(),
                "anna",
                "29 dager"));
    assertEquals(2, published.revision());
    assertTrue(answer(a).contains("29 dager"), "A serves it when publish returns");
    System.out.println("B served the publish after " + servedBy(b, "29 dager") + " ms");
    sameRevisionOnBoth(2);
    assertTrue(Files.readString(contentB.resolve(ENTRY)).contains("29 dager"), "B's folder");

    // The same with the command line, from a third folder.
    Path folder = tmp.resolve("editor/content");
    Files.createDirectories(folder.getParent());
    CliRun pulled = CliRun.of(env(), "content", "pull", folder.toString());
    assertEquals(0, pulled.code(), pulled.err());
    Files.writeString(folder.resolve(ENTRY), withDays("27 dager"));
    CliRun cli = CliRun.of(env(), "content", "publish", folder.toString(), "-m", "27 dager");
    assertEquals(0, cli.code(), cli.err() + cli.out());
    servedBy(a, "27 dager");
    servedBy(b, "27 dager");
    sameRevisionOnBoth(3);

    // B restarts with an old folder (as an old deploy would leave it): the newest revision wins.
    b.close();
    Files.writeString(contentB.resolve(ENTRY), withDays("20 dager"));
    b = replica("b", contentB);
    b.app().awaitReady();
    assertTrue(answer(b).contains("27 dager"), answer(b));
    assertTrue(Files.readString(contentB.resolve(ENTRY)).contains("27 dager"));
    sameRevisionOnBoth(3);
  }

  @Test
  @Order(3)
  void a_change_on_a_stale_revision_or_with_problems_is_refused() throws Exception {
    ContentPublisher publisher = b.app().publisher();
    long newest = publisher.servedRevision();
    StaleRevisionException stale =
        assertThrows(
            StaleRevisionException.class,
            () ->
                publisher.publish(
                    new ContentChange(
                        newest - 1, Map.of(ENTRY, withDays("1 dager")), Set.of(), "anna", "old")));
    assertEquals(newest, stale.newest());
    ContentRejectedException rejected =
        assertThrows(
            ContentRejectedException.class,
            () ->
                publisher.publish(
                    new ContentChange(
                        newest,
                        Map.of(ENTRY, withDays("2 dager").replace("id: order-expiry", "id: [x")),
                        Set.of(),
                        "anna",
                        "broken")));
    assertTrue(
        rejected.problems().stream().anyMatch(p -> p.toString().contains(ENTRY + ":")),
        rejected.problems().toString());
    assertEquals(newest, a.app().revisions().newestNumber(), "nothing was published");
    assertTrue(answer(a).contains("27 dager"));
  }

  static Map<String, String> env() {
    return Map.of(
        "FAQBOT_DATABASE_URL", database.url(),
        "FAQBOT_DATABASE_USER", "postgres",
        "FAQBOT_DATA", tmp.resolve("cli").toString());
  }
}
