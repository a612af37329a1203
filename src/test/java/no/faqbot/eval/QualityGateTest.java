package no.faqbot.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import no.faqbot.App;
import no.faqbot.config.Settings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's quality gate: the shipped content answers the shared eval sets ({@code
 * ../shared/eval/dev.jsonl}, {@code dev2.jsonl}, beside the repository) at least as well as the
 * floors below, set a little under what the ranking reaches, so a change that loses answers fails
 * the build. Without the files it is skipped with a notice, except on CI where that is an error.
 */
class QualityGateTest {
  private static final Path EVAL = Path.of("..", "shared", "eval");
  private static final Path DEV = EVAL.resolve("dev.jsonl");
  private static final Path DEV2 = EVAL.resolve("dev2.jsonl");

  /**
   * Floors: both files together, and each kind of dev2.jsonl (the set nothing was written from).
   */
  static final double OVERALL = 0.91; // reached 92.6 %

  static final double DEV_OVERALL = 0.90; // reached 92.7 %
  static final double DEV2_ANSWER = 0.88; // reached 90.0 %
  static final double DEV2_FLOW = 0.92; // reached 96.0 %
  static final double DEV2_NONE = 0.95; // reached 97.5 %

  /**
   * Our own independent set, written from the seed alone by someone who saw neither the content's
   * wording nor the shared sets: it is in the repository, so it is always checked.
   */
  private static final Path INDEPENDENT = Path.of("bench", "eval", "independent.jsonl");

  static final double INDEPENDENT_OVERALL = 0.84; // reached 86.5 %

  @Test
  void the_shipped_content_answers_the_eval_sets_above_the_floors(@TempDir Path tmp)
      throws Exception {
    boolean present = Files.isRegularFile(DEV) && Files.isRegularFile(DEV2);
    if (!present) {
      String notice =
          "quality gate: "
              + EVAL.toAbsolutePath().normalize()
              + "/dev.jsonl and dev2.jsonl are missing";
      assertTrue(
          !"true".equals(System.getenv("CI")),
          notice + " (required on CI: check shared/ out beside the clone)");
      System.err.println(notice + "; skipping the quality gate");
      Assumptions.abort(notice);
    }
    Run run = run(List.of(DEV, DEV2), tmp);
    EvalRunner.Reports reports = run.reports();
    String report = run.printed();
    EvalRunner.Report dev = reports.perFile().get(DEV);
    EvalRunner.Report dev2 = reports.perFile().get(DEV2);
    floor("overall", reports.all().overall(), OVERALL, report);
    floor("dev.jsonl overall", dev.overall(), DEV_OVERALL, report);
    floor("dev2.jsonl answer", dev2.accuracy("answer"), DEV2_ANSWER, report);
    floor("dev2.jsonl flow", dev2.accuracy("flow"), DEV2_FLOW, report);
    floor("dev2.jsonl none", dev2.accuracy("none"), DEV2_NONE, report);
  }

  @Test
  void the_shipped_content_answers_the_independent_set_above_its_floor(@TempDir Path tmp)
      throws Exception {
    Run run = run(List.of(INDEPENDENT), tmp);
    floor(
        "independent.jsonl overall",
        run.reports().all().overall(),
        INDEPENDENT_OVERALL,
        run.printed());
  }

  /** What the eval of {@code files} reached, and what it printed (the misses). */
  private record Run(EvalRunner.Reports reports, String printed) {}

  private static Run run(List<Path> files, Path tmp) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EvalRunner.Reports reports;
    try (App app =
            App.start(
                new Settings(
                    "127.0.0.1", 0, Path.of("content"), tmp.resolve("index"), "x@example.com"));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      app.awaitReady();
      reports = new EvalRunner(app.chat(), app.knowledge(), out).run(files, false);
    }
    return new Run(reports, printed.toString(StandardCharsets.UTF_8));
  }

  private static void floor(String what, double reached, double floor, String report) {
    assertTrue(
        reached >= floor,
        String.format(
            Locale.ROOT,
            "%s is %.1f %%, below the floor of %.1f %%:%n%s",
            what,
            100 * reached,
            100 * floor,
            report));
  }
}
