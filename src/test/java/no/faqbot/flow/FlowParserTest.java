package no.faqbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.faqbot.format.ContentProblem;
import org.junit.jupiter.api.Test;

class FlowParserTest {
  private static List<String> problems(String yaml) {
    FlowParser.Result r = new FlowParser().parse("content/flows/demo.yaml", yaml);
    assertNull(r.flow(), "a flow with problems must not load");
    return r.problems().stream().map(ContentProblem::toString).toList();
  }

  private static String lineOf(String yaml, String text) {
    String[] lines = yaml.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return "content/flows/demo.yaml:" + (i + 1) + ": ";
      }
    }
    throw new AssertionError("fixture has no line with " + text);
  }

  @Test
  void the_fixture_flow_loads() {
    assertEquals(5, FlowFixtures.good().steps().size());
  }

  @Test
  void unknown_next_is_reported_at_its_line_with_the_steps_that_exist() {
    String yaml = FlowFixtures.GOOD.replace("next: advice", "next: advise");
    List<String> p = problems(yaml);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0)
            .startsWith(
                lineOf(yaml, "next: advise")
                    + "step 'ask' leads to step 'advise', which does not exist (steps: ask, advice, details, email, done)"),
        p.get(0));
  }

  @Test
  void unreachable_steps_are_reported() {
    String yaml =
        FlowFixtures.GOOD.replace(
            "\n  done:\n",
            "\n  orphan:\n    kind: end\n    outcome: closed\n"
                + "    prompt: {nb: \"x\", en: \"x\"}\n  done:\n");
    List<String> p = problems(yaml);
    assertEquals(
        List.of(lineOf(yaml, "orphan:") + "step 'orphan' is unreachable from start 'ask'"), p);
  }

  @Test
  void a_loop_without_a_way_out_is_reported() {
    String loop =
        "\n  loop-a:\n    kind: info\n    prompt: {nb: \"a\", en: \"a\"}\n    resolved: loop-b\n    next: loop-b\n"
            + "  loop-b:\n    kind: info\n    prompt: {nb: \"b\", en: \"b\"}\n    resolved: loop-a\n    next: loop-a\n";
    String yaml = FlowFixtures.GOOD.replace("      next: done\n", "      next: loop-a\n") + loop;
    List<String> p = problems(yaml);
    assertEquals(
        List.of(
            lineOf(yaml, "loop-a:")
                + "step 'loop-a' never reaches an end or email step (a loop without a way out)",
            lineOf(yaml, "loop-b:")
                + "step 'loop-b' never reaches an end or email step (a loop without a way out)"),
        p);
  }

  @Test
  void missing_translation_unknown_field_type_and_kind_are_reported_with_lines() {
    String yaml =
        FlowFixtures.GOOD
            .replace("prompt: {nb: \"Fyll inn\", en: \"Fill in\"}", "prompt: {nb: \"Fyll inn\"}")
            .replace("type: email", "type: e-mail")
            .replace("kind: end", "kind: finish");
    List<String> p = problems(yaml);
    assertTrue(
        p.contains(
            lineOf(yaml, "prompt: {nb: \"Fyll inn\"}")
                + "'steps.details.prompt' has no 'en' text: write prompt: {nb: ..., en: ...}"),
        p.toString());
    assertOneStartsWith(
        p, lineOf(yaml, "type: e-mail") + "field 'merchantEmail' has unknown type 'e-mail'");
    assertOneStartsWith(p, lineOf(yaml, "kind: finish") + "step 'done' has unknown kind 'finish'");
  }

  private static void assertOneStartsWith(List<String> problems, String start) {
    assertTrue(problems.stream().anyMatch(s -> s.startsWith(start)), problems.toString());
  }

  @Test
  void id_must_match_the_file_and_yaml_errors_name_the_line() {
    assertTrue(
        problems(FlowFixtures.GOOD.replace("id: demo", "id: other"))
            .get(0)
            .startsWith("content/flows/demo.yaml:2: id 'other' must match the file name"));
    assertTrue(
        problems("version: 1\nid: demo\ntitle: [broken\n")
            .get(0)
            .startsWith("content/flows/demo.yaml:"));
  }
}
