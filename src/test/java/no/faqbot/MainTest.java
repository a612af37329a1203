package no.faqbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import no.faqbot.config.Catalogue;
import no.faqbot.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an editor or CI uses it. */
class MainTest {
  @TempDir Path tmp;

  private CliRun run(String... args) {
    return runWith(java.util.Map.of(), args);
  }

  private CliRun runWith(java.util.Map<String, String> env, String... args) {
    return CliRun.of(env, args);
  }

  @Test
  void each_command_explains_its_options() {
    CliRun top = run("--help");
    assertEquals(0, top.code());
    for (String command :
        new String[] {"serve", "validate", "index", "eval", "selftest", "staff", "content"}) {
      assertTrue(top.out().contains("  " + command + " "), top.out());
    }
    CliRun serve = run("serve", "--help");
    assertEquals(0, serve.code());
    assertTrue(
        serve.out().contains("--port")
            && serve.out().contains("FAQBOT_PORT")
            && serve.out().contains("--content"),
        serve.out());
    CliRun eval = run("eval", "-h");
    assertTrue(
        eval.out().contains("faqbot eval [options] FILE") && eval.out().contains("--verbose"),
        eval.out());
  }

  @Test
  void a_wrong_command_line_is_one_line_naming_the_problem_and_exit_2() {
    CliRun unknownOption = run("validate", "--contnet", "x");
    assertEquals(2, unknownOption.code());
    assertTrue(
        unknownOption.err().startsWith("faqbot validate: ")
            && unknownOption.err().contains("--contnet")
            && unknownOption.err().contains("faqbot validate --help"),
        unknownOption.err());
    CliRun unknownCommand = run("servr");
    assertEquals(2, unknownCommand.code());
    assertTrue(unknownCommand.err().contains("unknown command 'servr'"), unknownCommand.err());
    CliRun noFile = run("eval");
    assertEquals(2, noFile.code());
    assertTrue(noFile.err().contains("expected FILE"), noFile.err());
    String content = Fixtures.content("good", tmp).toString();
    CliRun badPort = run("serve", "--port", "seventy", "--content", content);
    assertEquals(2, badPort.code());
    assertEquals(
        "faqbot serve: --port (FAQBOT_PORT) must be a whole number from 0 to 65535, got 'seventy'",
        badPort.err().strip());
    CliRun badThreads =
        runWith(java.util.Map.of("FAQBOT_THREADS", "2"), "serve", "--content", content);
    assertEquals(2, badThreads.code());
    assertTrue(
        badThreads
            .err()
            .startsWith("faqbot serve: FAQBOT_THREADS must be a whole number from 8 to 1000"),
        badThreads.err());
  }

  @Test
  void serve_help_lists_every_setting_with_its_flag_default_and_description() {
    CliRun help = run("serve", "--help");
    assertEquals(0, help.code());
    java.util.List<String> lines = help.out().lines().toList();
    for (Setting<?> s : Catalogue.ALL) {
      String heading =
          "  "
              + s.variable()
              + (s.flag() == null ? "" : ", --" + s.flag())
              + (s.defaultValue() == null
                  ? "  (no default)"
                  : "  (default " + s.defaultValue() + ")");
      int at = lines.indexOf(heading);
      assertTrue(at >= 0, heading + " missing:\n" + help.out());
      String description = String.join(" ", lines.subList(at + 1, lines.size())).strip();
      assertTrue(
          description.replaceAll("\\s+", " ").startsWith(s.description()),
          s.variable() + "'s description:\n" + help.out());
    }
  }

  @Test
  void a_start_with_bad_settings_names_each_and_exits_2_before_serving() {
    String content = Fixtures.content("good", tmp).toString();
    CliRun r =
        runWith(
            java.util.Map.of(
                "FAQBOT_RECORDING", "sometimes",
                "FAQBOT_SMTP_PORT", "mail",
                "FAQBOT_DATA", tmp.resolve("data").toString()),
            "serve",
            "--content",
            content,
            "--index",
            tmp.resolve("idx").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(
        "faqbot serve: 2 settings are wrong:\n"
            + "  FAQBOT_SMTP_PORT must be a whole number from 1 to 65535, got 'mail'\n"
            + "  FAQBOT_RECORDING must be on or off (also true/false, yes/no, 1/0), got 'sometimes'",
        r.err().strip());
    assertTrue(r.out().isEmpty(), "nothing served: " + r.out());
  }

  @Test
  void a_misspelt_variable_is_a_warning_naming_the_setting_it_resembles() {
    CliRun r =
        runWith(
            java.util.Map.of(
                "FAQBOT_CONTNET", "x", "FAQBOT_CONTENT", Fixtures.content("good", tmp).toString()),
            "validate");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(
        "faqbot validate: warning: FAQBOT_CONTNET is not a faqbot setting and is ignored;"
            + " did you mean FAQBOT_CONTENT?",
        r.err().strip());
  }

  @Test
  void options_fall_back_to_the_environment() {
    CliRun r =
        runWith(
            java.util.Map.of("FAQBOT_CONTENT", Fixtures.content("good", tmp).toString()),
            "validate");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("5 entries, 0 problem(s)"), r.out());
  }

  @Test
  void a_missing_eval_file_is_named_in_one_line_without_a_stack_trace() {
    CliRun r =
        run(
            "eval",
            "--content",
            Fixtures.content("good", tmp).toString(),
            "--index",
            tmp.resolve("idx").toString(),
            tmp.resolve("nope.jsonl").toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("faqbot eval: no such file or folder: ")
            && r.err().contains("nope.jsonl"),
        r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void validate_prints_every_problem_with_file_and_line_and_exits_1() {
    Path content = Fixtures.content("broken", tmp);
    CliRun r = run("validate", "--content", content.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("content/faq/nb/bad-yaml.md:4: invalid YAML"), r.out());
    assertTrue(r.out().contains("content/faq/nb/missing-id.md:2: missing 'id'"), r.out());
    assertTrue(
        r.out().contains("content/faq/nb/unknown-related.md:6: related id 'does-not-exist'"),
        r.out());
    assertTrue(r.out().contains("6 problem(s)"), r.out());
  }

  @Test
  void validate_exits_0_on_good_content() {
    CliRun r = run("validate", "--content", Fixtures.content("good", tmp).toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("5 entries, 0 problem(s)"), r.out());
  }

  @Test
  void index_command_builds_an_index_that_serve_then_reuses() {
    Path content = Fixtures.content("good", tmp);
    Path index = tmp.resolve("index");
    CliRun r = run("index", "--content", content.toString(), "--index", index.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(Files.exists(index.resolve("CURRENT")));
    try (App app =
        App.start(TestSettings.in(tmp).content(content).supportEmail("x@example.com").build())) {
      assertEquals("REUSED", app.knowledge().base().current().outcome().name());
    }
  }

  @Test
  void eval_reports_accuracy_per_kind() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Path file = tmp.resolve("eval.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            "{\"q\": \"hvor finner jeg butikk-id\", \"lang\": \"nb\", \"kind\": \"answer\", \"expect_any\": [\"velkomstmailen\"]}",
            "{\"q\": \"hva blir været i morgen\", \"lang\": \"nb\", \"kind\": \"none\"}",
            "{\"q\": \"når utløper ordren\", \"lang\": \"nb\", \"kind\": \"answer\", \"expect_any\": [\"finnes ikke i svaret\"]}"));
    CliRun r =
        run(
            "eval",
            file.toString(),
            "--content",
            content.toString(),
            "--index",
            tmp.resolve("index").toString());
    assertEquals(1, r.code(), "one answer item misses, so the target is not met: " + r.out());
    assertTrue(r.out().contains("answer    1/2   =  50.0 %"), r.out());
    assertTrue(r.out().contains("none      1/1   = 100.0 %"), r.out());
    assertTrue(r.out().contains("WRNG answer \"når utløper ordren\""), r.out());
  }
}
