package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's table of error codes is {@link ErrorCode#table()}, row for row. Run with {@code
 * -Dfaqbot.writeReadme=true} to write it there.
 */
class ReadmeErrorCodesTest {
  private static final Path README = Path.of("README.md");
  private static final String HEADER = "| code | status | when |";

  @Test
  void the_readme_lists_every_error_code_as_the_enum_has_it() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(README, StandardCharsets.UTF_8));
    int start = lines.indexOf(HEADER);
    assertTrue(start >= 0, "README.md has no table of error codes starting with " + HEADER);
    int end = start;
    while (end < lines.size() && lines.get(end).startsWith("|")) {
      end++;
    }
    String documented = String.join("\n", lines.subList(start, end)) + "\n";
    if (Boolean.getBoolean("faqbot.writeReadme")) {
      List<String> table = ErrorCode.table().lines().toList();
      lines.subList(start, end).clear();
      lines.addAll(start, table);
      Files.writeString(README, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        ErrorCode.table(),
        documented,
        "README.md's table of error codes differs from no.faqbot.web.ErrorCode (expected): write"
            + " it with mvn -o -q test -Dtest=ReadmeErrorCodesTest -Dfaqbot.writeReadme=true");
  }

  @Test
  void codes_are_stable_words_each_used_once() {
    List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
    assertEquals(codes.size(), codes.stream().distinct().count(), codes.toString());
    for (ErrorCode c : ErrorCode.values()) {
      assertTrue(c.code().matches("[a-z_]+"), c.code());
      assertTrue(c.status() >= 400 && c.status() < 600, c + " " + c.status());
    }
  }
}
