package no.faqbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

  @Test
  void an_unreachable_postgres_stops_the_start_with_a_clear_message_and_no_fallback() {
    // port 1 on loopback refuses at once
    StoreSettings settings =
        new StoreSettings("jdbc:postgresql://127.0.0.1:1/faqbot", "faqbot", "secret-pw");
    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> Store.open(settings, tmp));
    assertTrue(
        e.getMessage().contains("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/faqbot"),
        e.getMessage());
    assertTrue(e.getMessage().contains("after " + Store.TRIES + " tries"), e.getMessage());
    assertTrue(!e.getMessage().contains("secret-pw"), "never the password");
    assertTrue(
        Files.notExists(tmp.resolve(Store.FILE)), "never a silent fall-back to the embedded file");
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
