package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackImportTest {
  @TempDir Path data;

  @Test
  void an_old_feedback_file_is_imported_once_then_renamed() throws Exception {
    Files.writeString(
        data.resolve("feedback.jsonl"),
        """
        {"at":"2026-11-20T10:00:00Z","entryId":"find-store-id","lang":"nb","helpful":false,"query":"butikk-id?"}
        not json
        {"at":"2026-11-21T10:00:00Z","entryId":"refunds","lang":"en","helpful":true,"query":null}
        """);
    try (Store store = Store.open(StoreSettings.EMBEDDED, data)) {
      EventRepository events = new EventRepository(store);
      assertEquals(2, FeedbackImport.run(data, events));
      assertTrue(Files.notExists(data.resolve("feedback.jsonl")));
      assertTrue(Files.exists(data.resolve("feedback.jsonl.imported")));
      assertEquals(0, FeedbackImport.run(data, events), "not again");
      List<Event> read = new ArrayList<>();
      events.forEach(0, Long.MAX_VALUE, read::add);
      assertEquals(2, read.size());
      VoteEvent first = (VoteEvent) read.get(0);
      assertEquals(java.time.Instant.parse("2026-11-20T10:00:00Z").toEpochMilli(), first.at());
      assertEquals(false, first.helpful());
      assertEquals("butikk-id?", first.message());
      assertEquals("refunds", ((VoteEvent) read.get(1)).entryId());
    }
  }
}
