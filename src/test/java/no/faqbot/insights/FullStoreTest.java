package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21, low: a full store says so, instead of "cannot commit - no transaction is active". */
class FullStoreTest {
  @TempDir Path tmp;

  @Test
  void a_write_to_a_full_store_fails_saying_the_store_is_full() throws Exception {
    try (Store store = Store.open(StoreSettings.EMBEDDED, tmp)) {
      // SQLite answers SQLITE_FULL, as on a full disk, once a connection may not grow the file:
      // every connection of the pool is held at once and capped.
      List<Connection> all = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Connection c = store.connection();
          all.add(c);
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA max_page_count = 1");
          }
        }
      } finally {
        for (Connection c : all) {
          c.close();
        }
      }
      EventRepository events = new EventRepository(store);
      String long500 = "x".repeat(500);
      List<Event> batch =
          IntStream.range(0, 500)
              .mapToObj(i -> EventRepositoryContract.turn(i, "c" + i, long500, "answer"))
              .toList();
      SQLException e = assertThrows(SQLException.class, () -> events.insert(batch));
      assertTrue(e.getMessage().startsWith("the event store is full"), e.toString());
      assertTrue(EventRepository.full(e));
    }
  }
}
