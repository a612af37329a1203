package no.faqbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a fixture content tree from {@code src/test/resources/fixtures} into a test's folder. */
public final class Fixtures {
  private Fixtures() {}

  public static Path content(String name, Path target) {
    try {
      return copy(Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI()), target);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path copy(Path source, Path target) {
    try {
      Path dest = target.resolve("content");
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path to = dest.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return dest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
