package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import no.faqbot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same repository behaviour on every store; subclasses open one. */
abstract class EventRepositoryContract {
  static final long DAY = 86_400_000L;
  Store store;
  EventRepository events;

  abstract Store open() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
    events = new EventRepository(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Event turn(long at, String conversation, String message, String type) {
    return new Event(at, EventKind.TURN, conversation, "nb", message, type, "find-store-id", 0.91, "other", 0.4,
        List.of("a", "b"), null, null, null, null, null, null, null);
  }

  @Test
  void events_round_trip_with_every_column() throws Exception {
    Event turn = turn(1000, "c1", "hvor er butikk-id?", "answer");
    Event vote = Event.vote(2000, "c1", "nb", "find-store-id", false, "hvor er butikk-id?");
    Event mail = Event.support(3000, EventKind.SUPPORT_SENT, "c1", "en", "FB-1234", "payment-failed", "E42");
    events.insert(List.of(turn, vote, mail));
    List<Event> read = new ArrayList<>();
    events.forEach(0, 10_000, read::add);
    assertEquals(List.of(turn, vote, mail), read);
    assertNull(read.get(0).helpful());
  }

  @Test
  void purge_deletes_only_what_is_older_than_the_cutoff() throws Exception {
    events.insert(List.of(turn(1 * DAY, "old", "x", "fallback"), turn(100 * DAY, "new", "y", "answer")));
    assertEquals(1, events.deleteBefore(50 * DAY));
    List<Event> left = new ArrayList<>();
    events.forEach(0, Long.MAX_VALUE, left::add);
    assertEquals("new", left.get(0).conversation());
    assertEquals(1, left.size());
  }

  @Test
  void one_conversation_can_be_deleted() throws Exception {
    events.insert(List.of(turn(1, "a", "x", "answer"), turn(2, "b", "y", "answer"), Event.pick(3, "a", "nb", "e")));
    assertEquals(2, events.deleteConversation("a"));
    assertEquals(1, events.count());
  }

  @Test
  void export_reads_only_the_period() throws Exception {
    events.insert(List.of(turn(5, "a", "x", "answer"), turn(15, "b", "y", "answer"), turn(25, "c", "z", "answer")));
    List<Event> read = new ArrayList<>();
    events.forEach(10, 25, read::add);
    assertEquals(List.of("b"), read.stream().map(Event::conversation).toList());
  }
}
