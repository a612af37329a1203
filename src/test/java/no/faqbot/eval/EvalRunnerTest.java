package no.faqbot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.App;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval sorts each reply into what the merchant got, by entry id or by fact. */
class EvalRunnerTest {
  private static final String QUESTION = "Hvor finner jeg butikk-ID-en min?";

  @Test
  void each_item_gets_the_outcome_the_merchant_got(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("set.jsonl");
    Files.write(
        file,
        List.of(
            item("answer", "\"expect_ids\": [\"find-store-id\"]"),
            item("answer", "\"expect_any\": [\"i menyen til venstre\"]"),
            item("answer", "\"expect_ids\": [\"order-expiry\"]"),
            item("none", "\"topic\": \"x\""),
            "{\"q\": \"hei\", \"lang\": \"nb\", \"kind\": \"offtopic\"}"),
        StandardCharsets.UTF_8);
    EvalRunner.Report report;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (App app =
            App.start(TestSettings.in(tmp).fixture("good").supportEmail("x@example.com").build());
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      app.awaitReady();
      report = new EvalRunner(app.chat(), app.knowledge().base(), out).run(file, false);
    }
    assertEquals(
        Map.of(Outcome.RIGHT, 3, Outcome.WRONG, 2),
        report.outcomes(),
        printed.toString(StandardCharsets.UTF_8));
    assertEquals(2.0 / 3, report.accuracy("answer"), 1e-9);
    assertEquals(0.0, report.accuracy("none"));
    assertEquals(1.0, report.accuracy("offtopic"));
  }

  private static String item(String kind, String expected) {
    return "{\"q\": \""
        + QUESTION
        + "\", \"lang\": \"nb\", \"kind\": \""
        + kind
        + "\", "
        + expected
        + "}";
  }
}
