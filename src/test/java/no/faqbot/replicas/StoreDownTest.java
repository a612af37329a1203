package no.faqbot.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import no.faqbot.TestServer;
import no.faqbot.store.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica whose PostgreSQL goes away keeps answering chat and stays ready (the store's state is
 * reported beside readiness), staff pages answer a plain 503 at once, and events wait and are
 * written once the store is back (issue 21, F8).
 */
class StoreDownTest {
  @TempDir Path tmp;

  @Test
  void the_store_going_away_keeps_chat_ready_fails_staff_fast_and_keeps_events() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.createOrSkip();
        TestServer server = new TestServer(SharedStateTest.replica(tmp, database))) {
      server.app().awaitReady();
      assertEquals(200, server.get("/health/ready").status());
      String name = database.url().substring(database.url().lastIndexOf('/') + 1);
      try {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + name
                + "'");
        TestServer.Reply health = waitForStore(server, "unreachable");
        TestServer.Reply ready = server.get("/health/ready");
        assertEquals(200, ready.status(), "chat does not need the store: " + ready.body());
        assertEquals("unreachable", ready.json().path("store").asText(), ready.body());
        assertTrue(server.get("/metrics").body().contains("faqbot_store_up 0.0"), health.body());
        assertEquals(200, server.chat("hvor finner jeg butikk-ID?", "nb").status());
        for (int i = 0; i < 5; i++) {
          assertEquals(201, vote(server).status(), "votes wait in the queue");
        }
        // Staff pages fail fast with a plain message, sixteen at once.
        long started = System.nanoTime();
        List<TestServer.Reply> staff =
            IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> staffInsights(server)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();
        double seconds = (System.nanoTime() - started) / 1e9;
        for (TestServer.Reply r : staff) {
          assertEquals(503, r.status(), r.body());
          assertFalse(r.body().contains("Hikari"), r.body());
          assertFalse(r.body().contains("faqbot-store"), r.body());
          assertFalse(r.body().contains("request timed out"), r.body());
        }
        assertTrue(seconds < 3, "16 staff requests took " + seconds + " s");
      } finally {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
      }
      waitForStore(server, "ok");
      assertTrue(
          server.app().insights().recorder().flush(15_000),
          "queued events are written once it is back");
      assertEquals(5, count(database, "SELECT count(*) FROM events WHERE kind = 'vote'"));
      assertEquals(0, server.app().insights().recorder().dropped());
    }
  }

  private static TestServer.Reply vote(TestServer server) {
    return server.postJson(
        "/api/feedback", "{\"entryId\":\"find-store-id\",\"helpful\":true,\"lang\":\"nb\"}");
  }

  private static TestServer.Reply staffInsights(TestServer server) {
    String basic =
        Base64.getEncoder().encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
    return server.send(
        HttpRequest.newBuilder(URI.create(server.base() + "/staff/api/insights"))
            .header("Authorization", "Basic " + basic)
            .GET()
            .build());
  }

  private static TestServer.Reply waitForStore(TestServer server, String state)
      throws InterruptedException {
    TestServer.Reply r = server.get("/health");
    for (int i = 0; i < 80 && !state.equals(r.json().path("store").asText()); i++) {
      Thread.sleep(250);
      r = server.get("/health");
    }
    assertEquals(state, r.json().path("store").asText(), r.body());
    return r;
  }

  private static long count(PostgresDatabase database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(database.url(), "postgres", null);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void admin(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
