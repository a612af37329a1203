package no.faqbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the catalogue, row for row. */
class ReadmeConfigurationTest {
  private static final String HEADER = "| variable | flag | default | what it does |";

  @Test
  void the_readme_lists_every_setting_as_the_catalogue_has_it() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf(HEADER);
    List<Setting<?>> documented = new ArrayList<>();
    for (int i = start + 2; start >= 0 && i < lines.size() && lines.get(i).startsWith("|"); i++) {
      documented.add(parse(lines.get(i)));
    }
    assertEquals(
        table(Catalogue.ALL),
        table(documented),
        "README.md's configuration table differs from no.faqbot.config.Catalogue (expected: the"
            + " table as it should read)");
  }

  /** {@code | `FAQBOT_PORT` | `--port` | `7070` | what it does |}; an empty cell is null. */
  private static Setting<?> parse(String row) {
    String[] cells = row.substring(1, row.length() - 1).split("\\|", -1);
    if (cells.length != 4) {
      throw new AssertionError("README.md: a configuration row needs 4 cells: " + row);
    }
    String flag = code(cells[1]);
    return Setting.text(
        code(cells[0]),
        flag == null ? null : flag.replaceFirst("^--", ""),
        code(cells[2]),
        cells[3].strip());
  }

  private static String code(String cell) {
    String text = cell.strip();
    return text.isEmpty() ? null : text.replaceAll("^`|`$", "");
  }

  private static String table(List<Setting<?>> settings) {
    StringBuilder table = new StringBuilder(HEADER + "\n|---|---|---|---|\n");
    for (Setting<?> s : settings) {
      table
          .append("| `")
          .append(s.variable())
          .append("` | ")
          .append(s.flag() == null ? "" : "`--" + s.flag() + "`")
          .append(" | ")
          .append(s.defaultValue() == null ? "" : "`" + s.defaultValue() + "`")
          .append(" | ")
          .append(s.description())
          .append(" |\n");
    }
    return table.toString();
  }
}
