package no.faqbot.insights;

import no.faqbot.store.PostgresDatabase;
import no.faqbot.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class EventRepositoryPostgresTest extends EventRepositoryContract {
  static PostgresDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = PostgresDatabase.createOrSkip();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void emptyTables() throws Exception {
    new EventRepository(store).deleteBefore(Long.MAX_VALUE);
  }

  @Override
  Store open() {
    return Store.open(db.settings(), java.nio.file.Path.of("target"));
  }
}
