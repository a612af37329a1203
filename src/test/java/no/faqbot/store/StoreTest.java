package no.faqbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path tmp;

  @Test
  void the_embedded_store_is_a_sqlite_file_in_wal_mode_under_the_data_folder() throws Exception {
    try (Store store = Store.open(StoreSettings.EMBEDDED, tmp.resolve("data"))) {
      assertEquals(Vendor.SQLITE, store.vendor());
      assertTrue(Files.exists(tmp.resolve("data").resolve(Store.FILE)));
      try (Connection c = store.connection();
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
        r.next();
        assertEquals("wal", r.getString(1));
      }
    }
    // opened again: the migrations have run already and the file is kept
    try (Store store = Store.open(StoreSettings.EMBEDDED, tmp.resolve("data"))) {
      assertTrue(store.description().startsWith("SQLite "));
    }
  }

  @Test
  void postgres_is_used_when_configured() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.createOrSkip();
        Store store = Store.open(db.settings(), tmp)) {
      assertEquals(Vendor.POSTGRESQL, store.vendor());
      assertTrue(store.description().contains(db.url()), store.description());
      assertTrue(
          Files.notExists(tmp.resolve(Store.FILE)),
          "no embedded file beside a configured PostgreSQL");
    }
  }

  /** Opening with a short wait, so a test of a store that is away does not take the real one. */
  private StoreUnavailableException unavailable(String url, String password, Duration wait) {
    StoreSettings settings = new StoreSettings(url, "faqbot", password, wait);
    return assertThrows(StoreUnavailableException.class, () -> Store.open(settings, tmp));
  }

  @Test
  void an_unreachable_postgres_stops_the_start_with_a_clear_message_and_no_fallback() {
    // port 1 on loopback refuses at once
    StoreUnavailableException e =
        unavailable("jdbc:postgresql://127.0.0.1:1/faqbot", "secret-pw", Duration.ofMillis(100));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/faqbot as faqbot"
                    + " within 0.1 s: Connection refused (check FAQBOT_DATABASE_URL,"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("secret-pw"), "never the password");
    assertTrue(
        Files.notExists(tmp.resolve(Store.FILE)), "never a silent fall-back to the embedded file");
  }

  @Test
  void a_postgres_that_is_not_ready_is_tried_again_until_the_wait_is_over() throws Exception {
    try (SilentServer notReady = new SilentServer(false)) {
      long started = System.nanoTime();
      StoreUnavailableException e =
          unavailable(notReady.url("sslmode=disable"), null, Duration.ofMillis(1_500));
      double seconds = (System.nanoTime() - started) / 1e9;
      assertTrue(e.getMessage().contains("within 1.5 s"), e.getMessage());
      assertTrue(seconds >= 1.5, "gave up after " + seconds + " s");
      assertTrue(notReady.accepted() >= 2, notReady.accepted() + " tries in " + seconds + " s");
    }
  }

  /**
   * A server that takes the TCP connection and never says a word (a hung PostgreSQL, a wrong port's
   * service): the driver's login timeout ends each try, so a start cannot hang.
   */
  @Test
  void a_postgres_that_accepts_and_never_answers_ends_each_try_at_the_login_timeout()
      throws Exception {
    try (SilentServer hung = new SilentServer(true)) {
      long started = System.nanoTime();
      StoreUnavailableException e =
          unavailable(
              hung.url("loginTimeout=1&connectTimeout=1&socketTimeout=1"),
              null,
              Duration.ofMillis(100));
      double seconds = (System.nanoTime() - started) / 1e9;
      assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL"), e.getMessage());
      assertTrue(seconds < 10, "gave up after " + seconds + " s");
      assertTrue(hung.accepted() > 0, "the driver did connect and wait for an answer");
    }
  }

  @Test
  void a_url_that_is_not_postgres_is_refused_with_the_variable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StoreSettings("mysql://db/faqbot", null, null));
    assertTrue(
        e.getMessage().startsWith("FAQBOT_DATABASE_URL must be a PostgreSQL JDBC URL"),
        e.getMessage());
  }
}
