package no.faqbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.Fixtures;
import no.faqbot.format.ContentProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
  @TempDir Path tmp;

  private ContentSnapshot load(String fixture) {
    return new ContentLoader(Fixtures.content(fixture, tmp), new MarkdownRenderer()).load();
  }

  private static String problemIn(ContentSnapshot s, String file) {
    return s.problems().stream()
        .filter(p -> p.path().endsWith(file))
        .map(ContentProblem::toString)
        .findFirst()
        .orElse("no problem reported for " + file);
  }

  @Test
  void good_content_loads_every_entry_without_problems() {
    ContentSnapshot s = load("good");
    assertEquals(List.of(), s.problems());
    assertEquals(4, s.entries("nb").size());
    assertEquals(1, s.entries("en").size());
    FaqEntry e = s.entry("order-expiry", "nb").orElseThrow();
    assertEquals("Endringer", e.section());
    assertEquals(
        List.of("Hvor lenge er en bestilling gyldig?", "Blir ordrer kansellert automatisk?"),
        e.alternatives());
    assertTrue(e.answerHtml().contains("<strong>28 dager</strong>"), e.answerHtml());
    assertTrue(e.answerText().contains("28 dager"));
  }

  @Test
  void missing_translation_falls_back_to_norwegian() {
    ContentSnapshot s = load("good");
    assertEquals("nb", s.entry("order-expiry", "en").orElseThrow().lang());
    assertEquals("en", s.entry("find-store-id", "en").orElseThrow().lang());
  }

  @Test
  void raw_html_in_an_answer_never_reaches_the_html() {
    FaqEntry e = load("good").entry("test-purchase", "nb").orElseThrow();
    assertFalse(e.answerHtml().contains("<script"), e.answerHtml());
    assertTrue(e.answerText().contains("Orders App"));
  }

  @Test
  void every_kind_of_bad_file_is_reported_with_file_and_line() {
    ContentSnapshot s = load("broken");
    // SnakeYAML gives up on line 5; the mistake, the list never closed, is on line 4.
    assertProblem(
        s,
        "bad-yaml.md",
        "content/faq/nb/bad-yaml.md:4: invalid YAML: the [list] that starts on this line is not"
            + " closed");
    assertProblem(s, "missing-id.md", "content/faq/nb/missing-id.md:2: missing 'id'");
    assertProblem(
        s,
        "find-store-id.md",
        "content/faq/nb/find-store-id.md:3: duplicate id 'find-store-id': already used by"
            + " content/faq/nb/duplicate.md");
    assertProblem(
        s,
        "unknown-related.md",
        "content/faq/nb/unknown-related.md:6: related id 'does-not-exist' does not exist");
    assertTrue(
        problemIn(s, "empty-answer.md").contains(": empty answer"),
        problemIn(s, "empty-answer.md"));
    assertProblem(
        s, "no-front-matter.md", "content/faq/nb/no-front-matter.md:1: missing front matter");
  }

  /** The first problem in {@code file} starts with {@code expected}. */
  private static void assertProblem(ContentSnapshot s, String file, String expected) {
    assertTrue(problemIn(s, file).startsWith(expected), problemIn(s, file));
  }

  @Test
  void a_bad_file_does_not_keep_the_good_ones_from_loading() {
    ContentSnapshot s = load("broken");
    assertTrue(
        s.entry("find-store-id", "nb").isPresent(), "the first file with the id keeps serving");
    assertTrue(
        s.entry("unknown-related", "nb").isPresent(),
        "a dangling link is reported, the entry still serves");
    assertFalse(s.entry("bad-yaml", "nb").isPresent());
    assertFalse(s.entry("empty-answer", "nb").isPresent());
  }

  @Test
  void fingerprint_changes_with_any_file_and_only_then() throws Exception {
    Path content = Fixtures.content("good", tmp);
    ContentLoader loader = new ContentLoader(content, new MarkdownRenderer());
    String first = loader.load().fingerprint();
    assertEquals(first, loader.load().fingerprint());
    Files.writeString(
        content.resolve("synonyms/nb.txt"), "\nkasse, checkout\n", StandardOpenOption.APPEND);
    assertFalse(first.equals(loader.load().fingerprint()));
  }

  @Test
  void synonym_line_with_one_phrase_is_reported_with_its_line() {
    List<ContentProblem> problems = new ArrayList<>();
    Synonyms s = Synonyms.parse("content/synonyms/nb.txt", "# c\na, b\nalone\n", problems);
    assertEquals(1, s.groups().size());
    assertEquals("content/synonyms/nb.txt:3", problems.get(0).toString().substring(0, 25));
  }

  @Test
  void broken_replies_file_is_reported_and_the_built_in_replies_serve() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Files.writeString(
        content.resolve("replies.yaml"), "version: 1\ngreeting:\n  reply: {nb: Hei}\n");
    ContentSnapshot s = new ContentLoader(content, new MarkdownRenderer()).load();
    assertTrue(
        s.problems().stream().anyMatch(p -> p.toString().startsWith("content/replies.yaml:")),
        s.problems().toString());
    assertTrue(s.replies().reply("fallback", "nb").contains("Beklager"), "built-in fallback reply");
  }

  @Test
  void a_broken_flow_is_reported_and_does_not_keep_the_other_flows_or_entries_from_loading()
      throws Exception {
    Path content = Fixtures.content("good", tmp);
    Files.createDirectories(content.resolve("flows"));
    Files.writeString(content.resolve("flows/demo.yaml"), no.faqbot.flow.FlowFixturesAccess.GOOD);
    Files.writeString(content.resolve("flows/broken.yaml"), "version: 1\nid: broken\nsteps: [\n");
    Files.writeString(
        content.resolve("faq/nb/order-expiry.md"),
        Files.readString(content.resolve("faq/nb/order-expiry.md"))
            .replace("updated: 2026-11-01", "flow: no-such-flow\nupdated: 2026-11-01"));
    ContentSnapshot s = new ContentLoader(content, new MarkdownRenderer()).load();
    assertTrue(s.flow("demo").isPresent());
    assertTrue(
        s.problems().stream().anyMatch(p -> p.toString().startsWith("content/flows/broken.yaml:")),
        s.problems().toString());
    assertTrue(
        s.problems().stream()
            .anyMatch(
                p ->
                    p.toString()
                        .startsWith(
                            "content/faq/nb/order-expiry.md:11: flow 'no-such-flow' does not exist")),
        s.problems().toString());
    assertEquals(4, s.entries("nb").size());
  }

  @Test
  void a_file_with_a_problem_is_served_as_its_last_good_version_while_the_others_go_live()
      throws Exception {
    Path content = Fixtures.content("good", tmp);
    ContentLoader loader = new ContentLoader(content, new MarkdownRenderer());
    assertEquals(List.of(), loader.load().staleFiles());
    Path broken = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(
        broken,
        Files.readString(broken)
            .replace("28 dager", "29 dager")
            .replace("tags: [ordre]", "tags: [ordre"));
    Path other = content.resolve("faq/nb/settlement-report.md");
    Files.writeString(other, Files.readString(other).replace("som CSV", "som CSV eller PDF"));
    ContentSnapshot s = loader.load();
    assertTrue(
        s.entry("order-expiry", "nb").orElseThrow().answerText().contains("28 dager"),
        "the last good version");
    assertTrue(
        s.entry("settlement-report", "nb").orElseThrow().answerText().contains("eller PDF"),
        "the other change is live");
    assertEquals(1, s.staleFiles().size(), s.staleFiles().toString());
    assertTrue(s.staleFiles().get(0).lastGood());
    assertTrue(
        s.staleFiles().get(0).problems().get(0).startsWith("content/faq/nb/order-expiry.md:"),
        s.staleFiles().toString());
    // The related link to the held-back entry still holds, so nothing else is held back.
    assertEquals(1, s.problems().size(), s.problems().toString());
    // A fresh loader (a restart) never saw it good: left out, its link reported.
    ContentSnapshot restarted = new ContentLoader(content, new MarkdownRenderer()).load();
    assertTrue(restarted.entry("order-expiry", "nb").isEmpty());
    assertFalse(restarted.staleFiles().get(0).lastGood());
  }
}
