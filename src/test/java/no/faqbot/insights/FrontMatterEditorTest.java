package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrontMatterEditorTest {
  @Test
  void a_line_is_added_to_a_block_list_with_its_indentation_and_nothing_else_changes() {
    String before =
        "---\nid: a\nquestion: Q?\nalternatives:\n    - en\n    - to\nsection: S\n---\nSvar: med kolon.\n";
    assertEquals(
        "---\nid: a\nquestion: Q?\nalternatives:\n    - en\n    - to\n    - hvor er id-en\nsection: S\n---\nSvar: med kolon.\n",
        FrontMatterEditor.withAlternative(before, "hvor er id-en"));
  }

  @Test
  void a_one_line_list_gets_an_item_and_crlf_is_kept() {
    assertEquals(
        "---\r\nid: a\r\nalternatives: [en, to, tre]\r\n---\r\nx",
        FrontMatterEditor.withAlternative(
            "---\r\nid: a\r\nalternatives: [en, to]\r\n---\r\nx", "tre"));
    assertEquals(
        "---\nalternatives: [tre]\n---\n",
        FrontMatterEditor.withAlternative("---\nalternatives: []\n---\n", "tre"));
  }

  @Test
  void without_alternatives_a_list_is_added_before_the_closing_line() {
    assertEquals(
        "---\nid: a\nalternatives:\n  - \"key: value # x\"\n---\nx",
        FrontMatterEditor.withAlternative("---\nid: a\n---\nx", "key: value # x"));
  }

  @Test
  void yaml_specials_are_quoted() {
    assertEquals("\"- \\\"sitat\\\" \\\\\"", FrontMatterEditor.scalar("- \"sitat\" \\ "));
    assertEquals("hvorfor feiler kjøpet?", FrontMatterEditor.scalar("hvorfor feiler kjøpet?"));
    assertThrows(
        IllegalArgumentException.class,
        () -> FrontMatterEditor.withAlternative("no front matter", "x"));
  }
}
