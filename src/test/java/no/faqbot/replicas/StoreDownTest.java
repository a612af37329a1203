package no.faqbot.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import no.faqbot.TestServer;
import no.faqbot.store.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica whose PostgreSQL stops answering says so on /health/ready, and is ready again when it
 * is back.
 */
class StoreDownTest {
  @TempDir Path tmp;

  @Test
  void readiness_is_503_while_the_store_is_down() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.createOrSkip();
        TestServer server = new TestServer(SharedStateTest.replica(tmp, database))) {
      server.app().awaitReady();
      assertEquals(200, server.get("/health/ready").status());
      String name = database.url().substring(database.url().lastIndexOf('/') + 1);
      admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
      admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      TestServer.Reply down = waitFor(server, 503);
      assertTrue(down.body().contains("the store"), down.body());
      assertEquals(200, server.get("/health/live").status(), "alive: only the store is missing");
      admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
      assertEquals(200, waitFor(server, 200).status(), "ready again once the store answers");
    }
  }

  private static TestServer.Reply waitFor(TestServer server, int status)
      throws InterruptedException {
    TestServer.Reply r = server.get("/health/ready");
    for (int i = 0; i < 60 && r.status() != status; i++) {
      Thread.sleep(250);
      r = server.get("/health/ready");
    }
    assertEquals(status, r.status(), r.body());
    return r;
  }

  private static void admin(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
