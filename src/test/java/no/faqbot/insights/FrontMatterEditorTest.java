package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.faqbot.content.FaqFileParser;
import no.faqbot.content.MarkdownRenderer;
import org.junit.jupiter.api.Test;

class FrontMatterEditorTest {
  private static final String PATH = "content/faq/nb/a.md";

  private static String entry(String alternatives) {
    return "---\nversion: 1\nid: a\nquestion: Q?\n"
        + alternatives
        + "section: S\n---\nSvar: med kolon.\n";
  }

  private static List<String> alternatives(String text) {
    return new FaqFileParser(new MarkdownRenderer()).parse(PATH, "nb", text).entry().alternatives();
  }

  private static String add(String text, String phrasing) {
    return FrontMatterEditor.withAlternative(text, phrasing, PATH, "nb");
  }

  @Test
  void one_quoted_line_is_added_to_a_block_list_with_its_indentation_and_nothing_else_changes() {
    assertEquals(
        entry("alternatives:\n    - en\n    - to\n    - \"hvor er id-en\"\n"),
        add(entry("alternatives:\n    - en\n    - to\n"), "hvor er id-en"));
  }

  @Test
  void a_phrase_with_commas_added_to_a_flow_list_is_one_alternative_in_a_block_list() {
    String before = entry("alternatives: [a, b]\n");
    String after = add(before, "hvordan, hvorfor, hva");
    assertEquals(
        entry("alternatives:\n  - \"a\"\n  - \"b\"\n  - \"hvordan, hvorfor, hva\"\n"), after);
    assertEquals(List.of("a", "b", "hvordan, hvorfor, hva"), alternatives(after));
    // A flow list over two lines, and CRLF kept.
    String crlf = add(entry("alternatives: [en,\n  \"to: tre\"]\n").replace("\n", "\r\n"), "fire");
    assertEquals(List.of("en", "to: tre", "fire"), alternatives(crlf));
    assertTrue(crlf.contains("\r\n  - \"fire\"\r\nsection: S\r\n"), crlf);
    assertEquals(List.of("tre"), alternatives(add(entry("alternatives: []\n"), "tre")));
  }

  @Test
  void an_item_that_spans_two_lines_stays_whole() {
    String before =
        entry(
            "alternatives:\n  - en lang formulering\n    som fortsetter her\n  - \"to\n    linjer\"\n");
    String after = add(before, "ny");
    assertEquals(
        List.of("en lang formulering som fortsetter her", "to linjer", "ny"), alternatives(after));
    assertTrue(after.contains("    linjer\"\n  - \"ny\"\nsection"), after);
  }

  @Test
  void without_alternatives_a_list_is_added_before_the_closing_line() {
    assertEquals(
        entry("")
            .replace("section: S\n---", "section: S\nalternatives:\n  - \"key: value # x\"\n---"),
        add(entry(""), "key: value # x"));
  }

  @Test
  void yaml_specials_and_control_characters_are_escaped() {
    assertEquals("\"- \\\"sitat\\\" \\\\\"", FrontMatterEditor.scalar("- \"sitat\" \\ "));
    assertEquals("\"hvorfor feiler kjøpet?\"", FrontMatterEditor.scalar("hvorfor feiler kjøpet?"));
    for (String hostile :
        List.of("*alias & anchor", "'half", "a\nb:\tc", "%tag !x {y}", "a\u2028b")) {
      String after = add(entry("alternatives:\n  - en\n"), hostile);
      assertEquals(List.of("en", FrontMatterEditor.clean(hostile)), alternatives(after), after);
    }
  }

  @Test
  void what_cannot_be_edited_by_structure_is_refused_and_nothing_is_returned() {
    assertThrows(IllegalArgumentException.class, () -> add("no front matter", "x"));
    // A scalar where a list belongs: the file has a problem already.
    assertThrows(IllegalArgumentException.class, () -> add(entry("alternatives: en\n"), "x"));
    // A list in a form the editor does not read (flow list on the next line): refused, not broken.
    assertThrows(
        IllegalArgumentException.class, () -> add(entry("alternatives:\n  [en, to]\n"), "x"));
  }
}
