package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    return new TurnEvent(
        at,
        conversation,
        "nb",
        message,
        type,
        "find-store-id",
        0.91,
        "other",
        0.4,
        List.of("a", "b"),
        null);
  }

  @Test
  void events_round_trip_with_every_column() throws Exception {
    Event turn = turn(1000, "c1", "hvor er butikk-id?", "answer");
    Event vote = new VoteEvent(2000, "c1", "nb", "find-store-id", false, "hvor er butikk-id?");
    Event mail = new SupportEvent(3000, true, "c1", "en", "FB-1234", "payment-failed", "E42");
    Event step = flow(4000, "c1", "done", "resolved", true);
    Event pick = new PickEvent(5000, "c1", "nb", "refunds");
    events.insert(List.of(turn, vote, mail, step, pick));
    List<Event> read = new ArrayList<>();
    events.forEach(0, 10_000, read::add);
    assertEquals(List.of(turn, vote, mail, step, pick), read);
  }

  @Test
  void purge_deletes_only_what_is_older_than_the_cutoff() throws Exception {
    events.insert(
        List.of(turn(1 * DAY, "old", "x", "fallback"), turn(100 * DAY, "new", "y", "answer")));
    assertEquals(1, events.deleteBefore(50 * DAY));
    List<Event> left = new ArrayList<>();
    events.forEach(0, Long.MAX_VALUE, left::add);
    assertEquals("new", left.get(0).conversation());
    assertEquals(1, left.size());
  }

  @Test
  void one_conversation_can_be_deleted() throws Exception {
    events.insert(
        List.of(
            turn(1, "a", "x", "answer"),
            turn(2, "b", "y", "answer"),
            new PickEvent(3, "a", "nb", "e")));
    assertEquals(2, events.deleteConversation("a"));
    assertEquals(1, events.count());
  }

  static Event flow(long at, String conversation, String step, String outcome, boolean started) {
    return TestEvents.flowStep(
        at,
        conversation,
        started ? "testkjøp feiler" : null,
        "failed-test-purchase",
        step,
        outcome);
  }

  @Test
  void the_insights_figures_come_from_the_same_sql_on_every_store() throws Exception {
    long t = 10 * DAY + 1000;
    events.insert(
        List.of(
            turn(t, "c1", "hvor er butikk-id?", "answer"),
            new VoteEvent(t + 1, "c1", "nb", "find-store-id", true, "q"),
            turn(t, "c2", "blorp", "fallback"),
            turn(t + 60_000, "c2", "refusjon", "suggestions"),
            new PickEvent(t + 70_000, "c2", "nb", "refunds"),
            new VoteEvent(t + DAY, "c2", "nb", "refunds", false, "refusjon"),
            flow(t, "c3", "start", null, true),
            flow(t + 1, "c3", "check-mode", null, false),
            flow(t + 2, "c3", "done", "resolved", false),
            flow(t, "c4", "start", null, true),
            flow(t + 1, "c4", "email", "email", false),
            new SupportEvent(t + 2, false, "c4", "nb", "FB-1", "Testkjøp", "E1"),
            turn(t, "c5", "in english", "answer").withMessage("english"),
            turn(40 * DAY, "c9", "outside the period", "answer")));
    InsightsReport r =
        new InsightsQueries(store)
            .report(
                10 * DAY, 12 * DAY, 2, null, new InsightsReport.Recording(true, 0, 0, "test", 90));
    assertEquals(5, r.traffic().conversations());
    assertEquals(6, r.traffic().messages());
    assertEquals(2, r.traffic().replies().answered());
    assertEquals(1, r.traffic().replies().suggested());
    assertEquals(1, r.traffic().replies().fellBack());
    assertEquals(2, r.traffic().flows().started());
    assertEquals(1, r.traffic().flows().resolved());
    assertEquals(1, r.traffic().flows().toEmail());
    assertEquals(1, r.escalation().conversationsWithEmail());
    assertEquals(
        2,
        r.escalation().deflection().hardConversations(),
        "c1 by a helpful vote, c3 by a resolved flow");
    assertEquals(0.8, r.escalation().deflection().soft());
    assertEquals(0.5, r.helpfulRate());
    assertEquals(
        List.of("1970-01-11", "1970-01-12"),
        r.perDay().stream().map(InsightsReport.Day::date).toList());
    assertEquals(6, r.perDay().get(0).messages());
    assertEquals("refunds", r.mostUnhelpful().get(0).entryId());
    InsightsReport.Funnel funnel = r.funnels().get(0);
    assertEquals("failed-test-purchase", funnel.flowId());
    assertEquals("start", funnel.steps().get(0).step());
    assertEquals(2, funnel.steps().get(0).reached());
    assertEquals(0.5, funnel.steps().get(1).dropOff());
    InsightsReport english =
        new InsightsQueries(store)
            .report(
                10 * DAY, 12 * DAY, 2, "en", new InsightsReport.Recording(true, 0, 0, "test", 90));
    assertEquals(0, english.traffic().messages(), "every turn above is in nb");
  }

  @Test
  void a_late_event_on_a_closed_day_and_a_purge_reach_the_kept_entry_counts() throws Exception {
    InsightsReport.Recording recording = new InsightsReport.Recording(true, 0, 0, "test", 90);
    InsightsQueries queries = new InsightsQueries(store);
    events.insert(List.of(turn(DAY + 1, "c1", "a", "answer"), turn(3 * DAY, "c2", "b", "answer")));
    InsightsReport first = queries.report(DAY, 4 * DAY, 3, null, recording);
    assertEquals(2, first.topEntries().get(0).count());
    assertEquals(2, queries.report(DAY, 4 * DAY, 3, null, recording).topEntries().get(0).count());
    // a vote on the first (closed) day, as the feedback import or a batch after midnight writes
    events.insert(List.of(new VoteEvent(DAY + 5, "c1", "nb", "find-store-id", false, "a")));
    InsightsReport voted = queries.report(DAY, 4 * DAY, 3, null, recording);
    assertEquals("find-store-id", voted.mostUnhelpful().get(0).entryId());
    assertEquals(1, voted.mostUnhelpful().get(0).unhelpful());
    events.deleteBefore(2 * DAY);
    InsightsReport purged = queries.report(DAY, 4 * DAY, 3, null, recording);
    assertEquals(1, purged.topEntries().get(0).count(), "the first day's answer is purged");
    assertEquals(List.of(), purged.mostUnhelpful());
  }

  @Test
  void conversations_are_counted_once_per_day_and_a_deleted_one_is_taken_out() throws Exception {
    events.insert(
        List.of(turn(DAY + 1, "c1", "a", "answer"), turn(DAY + 2, "c2", "b", "fallback")));
    events.insert(List.of(turn(DAY + 3, "c1", "c", "answer"))); // c1 again, in a later batch
    InsightsReport.Recording recording = new InsightsReport.Recording(true, 0, 0, "test", 90);
    assertEquals(
        2,
        new InsightsQueries(store)
            .report(DAY, 2 * DAY, 1, null, recording)
            .traffic()
            .conversations());
    events.deleteConversation("c1");
    InsightsReport after = new InsightsQueries(store).report(DAY, 2 * DAY, 1, null, recording);
    assertEquals(1, after.traffic().conversations());
    assertEquals(
        3,
        after.traffic().messages(),
        "the per-day counts keep the numbers of a deleted conversation");
  }

  @Test
  void export_reads_only_the_period() throws Exception {
    events.insert(
        List.of(
            turn(5, "a", "x", "answer"),
            turn(15, "b", "y", "answer"),
            turn(25, "c", "z", "answer")));
    List<Event> read = new ArrayList<>();
    events.forEach(10, 25, read::add);
    assertEquals(List.of("b"), read.stream().map(Event::conversation).toList());
  }
}
