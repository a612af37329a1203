package no.faqbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package maps for the next developer name every package: a new one that neither the README nor
 * docs/architecture.md mentions fails here instead of going unnoticed.
 */
class PackageMapTest {
  private static List<String> packages() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("src/main/java/no/faqbot"))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> missingIn(Path doc, String from, String to) throws IOException {
    String text = Files.readString(doc);
    String section = text.substring(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
    return packages().stream().filter(p -> !section.contains("`" + p + "`")).toList();
  }

  @Test
  void the_readme_names_every_package() throws IOException {
    assertEquals(
        List.of(),
        missingIn(Path.of("README.md"), "- Code is packaged by feature", "- Packages import"),
        "README.md, section Development: add each package with a few words on what it holds");
  }

  @Test
  void the_architecture_page_names_every_package() throws IOException {
    assertEquals(
        List.of(),
        missingIn(Path.of("docs/architecture.md"), "## Packages", "## The composition root"),
        "docs/architecture.md, table Packages: add a row for each package");
  }
}
