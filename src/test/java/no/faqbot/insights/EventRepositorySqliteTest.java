package no.faqbot.insights;

import java.nio.file.Path;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

class EventRepositorySqliteTest extends EventRepositoryContract {
  @TempDir Path tmp;

  @Override
  Store open() {
    return Store.open(StoreSettings.EMBEDDED, tmp);
  }
}
