package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV export's exact bytes: RFC 4180 quoting, CRLF rows and formulas defused. */
class EventExportTest {
  static final String HEADER =
      "at,kind,conversation,lang,message,replyType,entryId,score,runnerUpId,runnerUpScore,"
          + "suggestions,flowId,flowStep,flowOutcome,helpful,caseRef,problem,errorCode\r\n";
  static final long AT = Instant.parse("2026-11-10T12:00:00Z").toEpochMilli();

  private static String csv(Event... events) throws IOException {
    StringWriter out = new StringWriter();
    try (EventExport.CsvRows rows = EventExport.csv(out)) {
      List.of(events).forEach(rows);
    }
    return out.toString();
  }

  @Test
  void an_export_without_events_is_the_header_alone() throws IOException {
    assertEquals(HEADER, csv());
  }

  @Test
  void a_hostile_message_is_quoted_and_its_formula_defused() throws IOException {
    Event turn =
        new TurnEvent(
            AT,
            "conversation-a",
            "nb",
            "=HYPERLINK(\"http://evil\")\nsecond line",
            "fallback",
            "find-store-id",
            0.91,
            "other",
            -0.4,
            List.of("a", "b"),
            new TurnEvent.FlowStep("test-mode", "ask-env", null));
    assertEquals(
        HEADER
            + "2026-11-10T12:00:00Z,turn,conversation-a,nb,"
            + "\"'=HYPERLINK(\"\"http://evil\"\")\nsecond line\",fallback,find-store-id,0.91,"
            + "other,-0.4,a b,test-mode,ask-env,,,,,\r\n",
        csv(turn),
        "text is defused and quoted; a number is written as it is");
  }

  @Test
  void every_kind_of_cell_that_a_spreadsheet_would_run_gets_a_leading_quote() throws IOException {
    Event vote = new VoteEvent(AT, "conversation-b", "en", "e1", false, "-1, \"nei\"");
    Event support =
        new SupportEvent(AT, true, "conversation-c", "nb", "K-1", "@admin\r\n+x", "+47");
    Event tab = new PickEvent(AT, "conversation-d", "nb", "\tcmd");
    assertEquals(
        HEADER
            + "2026-11-10T12:00:00Z,vote,conversation-b,en,\"'-1, \"\"nei\"\"\",,e1,,,,,,,,false,,,"
            + "\r\n"
            + "2026-11-10T12:00:00Z,support_sent,conversation-c,nb,,,,,,,,,,,,K-1,"
            + "\"'@admin\r\n+x\",'+47\r\n"
            + "2026-11-10T12:00:00Z,pick,conversation-d,nb,,,'\tcmd,,,,,,,,,,,\r\n",
        csv(vote, support, tab));
  }

  @Test
  void rows_reach_the_writer_as_they_come_not_at_the_end() throws IOException {
    StringWriter out = new StringWriter();
    try (EventExport.CsvRows rows = EventExport.csv(out)) {
      for (int i = 0; i < 1000; i++) {
        rows.accept(new PickEvent(AT + i, "conversation-" + i, "nb", "entry-" + i));
      }
      int written = out.getBuffer().length();
      assertTrue(written > 50_000, "only " + written + " characters before the end");
    }
    assertEquals(1001, out.toString().split("\r\n").length);
  }
}
