package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
  private static Event vote(int i) {
    return new VoteEvent(i, null, "nb", "e" + i, true, "passord: hemmelig" + i);
  }

  @Test
  void a_stalled_store_drops_and_counts_events_instead_of_blocking() throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Event> written = new ArrayList<>();
    EventRecorder recorder =
        new EventRecorder(
            batch -> {
              stalled.countDown();
              release.await();
              written.addAll(batch);
            },
            true,
            10,
            Clock.systemUTC());
    recorder.record(vote(0));
    stalled.await(); // the writer holds the first event and waits for the "database"
    for (int i = 1; i <= 100; i++) {
      recorder.record(vote(i)); // returns at once though nothing is written
    }
    assertEquals(10, recorder.queued());
    assertEquals(90, recorder.dropped());
    release.countDown();
    assertTrue(recorder.flush(5000));
    assertEquals(11, written.size());
    assertEquals(11, recorder.written());
    assertFalse(
        written.get(0).message().contains("hemmelig"),
        "secrets are removed before the store sees them");
    recorder.close();
  }

  @Test
  void a_failing_store_counts_the_batch_as_dropped() {
    EventRecorder recorder =
        new EventRecorder(
            batch -> {
              throw new java.sql.SQLException("disk full");
            },
            true,
            100,
            Clock.systemUTC());
    recorder.record(vote(1));
    recorder.record(vote(2));
    assertTrue(recorder.flush(5000));
    assertEquals(2, recorder.dropped());
    recorder.close();
  }
}
