package no.faqbot.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML mistakes are reported at the line of the mistake, in plain words. */
class YamlDocumentTest {
  /** A front matter of 20 lines (from file line 2) with {@code mistake} on file line 19. */
  private static YamlDocument.YamlError error(String mistake) {
    List<String> lines = new ArrayList<>(List.of("version: 1", "id: a", "alternatives:"));
    while (lines.size() < 17) {
      lines.add("  - \"formulering " + lines.size() + "\"");
    }
    lines.add(mistake); // file line 19
    lines.add("section: S");
    lines.add("tags: [\"a\", \"b\"]");
    return assertThrows(
        YamlDocument.YamlError.class, () -> YamlDocument.parse(String.join("\n", lines), 2));
  }

  @Test
  void an_unclosed_quote_is_blamed_on_its_own_line_not_where_the_parser_gave_up() {
    YamlDocument.YamlError e = error("question: \"Hva er dette");
    assertEquals(19, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    assertTrue(e.getMessage().contains("aldri avsluttet"), e.getMessage());
  }

  @Test
  void a_missing_colon_and_an_unclosed_list_are_blamed_on_their_line() {
    YamlDocument.YamlError colon = error("question");
    assertEquals(19, colon.line(), colon.getMessage());
    assertTrue(colon.getMessage().contains("':' is missing"), colon.getMessage());
    YamlDocument.YamlError list = error("related: [a, b");
    assertEquals(19, list.line(), list.getMessage());
    assertTrue(list.getMessage().contains("[list]"), list.getMessage());
  }

  @Test
  void plain_words_for_a_colon_a_tab_and_an_indentation_mistake() {
    YamlDocument.YamlError colon = error("question: Feilkode 401: hva betyr den?");
    assertEquals(19, colon.line());
    assertTrue(colon.getMessage().contains("put the text in double quotes"), colon.getMessage());
    YamlDocument.YamlError tab = error("\t- \"x\"");
    assertEquals(19, tab.line());
    assertTrue(tab.getMessage().contains("tab"), tab.getMessage());
    YamlDocument.YamlError indent = error(" - \"x\"");
    assertEquals(19, indent.line());
    assertTrue(indent.getMessage().contains("not indented like"), indent.getMessage());
  }

  @Test
  void a_quoted_text_over_two_lines_is_not_blamed_for_a_later_mistake() throws Exception {
    YamlDocument.YamlError e =
        assertThrows(
            YamlDocument.YamlError.class,
            () -> YamlDocument.parse("a: \"two\n  lines\"\nb: c: d", 2));
    assertEquals(4, e.line(), e.getMessage());
    assertEquals(
        "two lines", YamlDocument.parse("a: \"two\n  lines\"", 2).root().get("a").asText());
  }
}
