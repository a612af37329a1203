package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.cli.Cli;
import no.faqbot.cli.Commands;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faqbot report --days 30} prints the insights figures from the store. */
class ReportCommandTest {
  @TempDir Path data;

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Cli(
                Commands.all(),
                Map.of("FAQBOT_DATA", data.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args);
    return new String[] {
      String.valueOf(code),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void the_report_prints_the_figures() throws Exception {
    long now = System.currentTimeMillis();
    try (Store store = Store.open(StoreSettings.EMBEDDED, data)) {
      new EventRepository(store)
          .insert(
              List.of(
                  EventRepositoryContract.turn(now - 1000, "conversation-1", "hei", "answer"),
                  EventRepositoryContract.turn(now - 900, "conversation-1", "blorp", "fallback"),
                  new VoteEvent(now - 800, "conversation-1", "nb", "find-store-id", true, "hei")));
    }
    String[] run = run("report", "--days", "30");
    assertEquals("0", run[0], run[2]);
    assertTrue(run[1].startsWith("faqbot report: last 30 days, all languages (SQLite "), run[1]);
    assertTrue(
        run[1].matches("(?s).*conversations +1\n.*messages +2\n.*answered +1\n.*fell back +1\n.*"),
        run[1]);
    assertTrue(run[1].contains("helpful votes                    100.0 % (1 votes)"), run[1]);
    String[] bad = run("report", "--days", "x");
    assertEquals("2", bad[0]);
    assertTrue(bad[2].contains("days must be a whole number"), bad[2]);
  }
}
