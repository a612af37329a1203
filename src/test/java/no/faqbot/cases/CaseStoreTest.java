package no.faqbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.store.PostgresDatabase;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases and the delivery queue in both stores: the same SQL on SQLite and PostgreSQL. */
class CaseStoreTest {
  @TempDir Path tmp;

  private static KeptCase kept(String ref, String conversation) {
    return new KeptCase(
        ref,
        1000,
        1000,
        conversation,
        "nb",
        KeptCase.NEW,
        null,
        new CaseRequest(
            "Testkjøpet feiler",
            Map.of("storeId", "K1", "merchantEmail", "butikk@example.no"),
            List.of("steg"),
            List.of(),
            List.of(new CaseRequest.Shot("a.png", "image/png", 3))));
  }

  private static void exercise(Store store) throws Exception {
    CaseRepository cases = new CaseRepository(store);
    DeliveryRepository queue = new DeliveryRepository(store);
    assertTrue(cases.save(kept("FQ-AAAAAA", "conversation-x")));
    assertTrue(cases.save(kept("FQ-AAAAAA", "conversation-x")), "a new case may change");
    assertEquals(
        "K1",
        cases
            .find("FQ-AAAAAA")
            .orElseThrow()
            .request()
            .field(no.faqbot.support.SupportField.STORE_ID));
    queue.enqueue("FQ-AAAAAA", "webhook", 2000);
    cases.setStatus("FQ-AAAAAA", KeptCase.QUEUED, "webhook", 2000);
    assertFalse(cases.save(kept("FQ-AAAAAA", "conversation-x")), "a handed-over case does not");
    DeliveryRepository.Row row = queue.due(2000, 10).get(0);
    assertTrue(queue.claim(row, 9000));
    assertFalse(queue.claim(row, 9000), "claimed once");
    assertTrue(queue.due(3000, 10).isEmpty());
    queue.failed("FQ-AAAAAA", 1, 2500, "503", false);
    assertEquals(1, queue.due(3000, 10).size());
    queue.delivered("FQ-AAAAAA", 2);
    assertEquals(DeliveryRepository.DONE, queue.find("FQ-AAAAAA").orElseThrow().state());
    cases.log("FQ-AAAAAA", 3000, "delivered");
    assertEquals(1, cases.logOf("FQ-AAAAAA").size());
    assertEquals(1, cases.list(KeptCase.QUEUED, 10).size());
    assertEquals(List.of("FQ-AAAAAA"), cases.refsOfConversation("conversation-x"));
    assertEquals(List.of("FQ-AAAAAA"), cases.refsBefore(1001));
    assertTrue(cases.delete("FQ-AAAAAA"));
    assertTrue(cases.find("FQ-AAAAAA").isEmpty() && queue.find("FQ-AAAAAA").isEmpty());
  }

  @Test
  void cases_and_their_queue_work_in_sqlite() throws Exception {
    try (Store store = Store.open(StoreSettings.EMBEDDED, tmp)) {
      exercise(store);
    }
  }

  @Test
  void cases_and_their_queue_work_in_postgresql() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.createOrSkip();
        Store store = Store.open(db.settings(), tmp)) {
      exercise(store);
    }
  }
}
