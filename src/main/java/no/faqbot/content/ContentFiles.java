package no.faqbot.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Sha256;

/**
 * The files content is made of, as bytes: which files under a folder count, reading them, decoding
 * them as UTF-8, and the fingerprint of a set of them. What {@link ContentLoader} loads and a
 * content revision holds.
 */
public final class ContentFiles {
  /** A content file larger than this is refused. */
  static final long MAX_FILE_BYTES = 256 * 1024;

  private ContentFiles() {}

  /**
   * The content files under {@code root} (what {@link ContentLoader#load} reads), by path relative
   * to it with {@code /} between names, to their bytes: what a content revision holds.
   */
  public static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String rel : paths(root)) {
      files.put(rel, Files.readAllBytes(root.resolve(rel)));
    }
    return files;
  }

  /**
   * The paths, relative to {@code root}, of the files content is made of: Markdown, text and YAML,
   * without editors' swap and backup files.
   */
  public static List<String> paths(Path root) throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.endsWith("~")) {
          continue; // editor swap and backup files
        }
        if (name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".yaml")) {
          paths.add(root.relativize(p).toString().replace('\\', '/'));
        }
      }
    }
    return paths;
  }

  /**
   * The content fingerprint: of every file's path relative to the content folder and its bytes, in
   * path order. Never of the folder's own name, so replicas serving the same files from folders
   * named differently agree, and a content revision's fingerprint is the one its folder loads with.
   */
  public static String fingerprint(Map<String, byte[]> relative) {
    List<byte[]> parts = new ArrayList<>();
    byte[] separator = {0};
    new TreeMap<>(relative)
        .forEach(
            (path, bytes) -> {
              parts.add(path.getBytes(StandardCharsets.UTF_8));
              parts.add(separator);
              parts.add(Sha256.hex(bytes).getBytes(StandardCharsets.UTF_8));
              parts.add(separator);
            });
    return Sha256.hex(parts.toArray(byte[][]::new));
  }

  static String decode(String path, byte[] bytes, List<ContentProblem> problems) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString()
          .replace("\uFEFF", "");
    } catch (CharacterCodingException e) {
      problems.add(new ContentProblem(path, 1, "file is not UTF-8: save it as UTF-8"));
      return null;
    }
  }

  /** The problem of a file over {@link #MAX_FILE_BYTES}, whether read from disk or given. */
  static ContentProblem tooLarge(String path) {
    return new ContentProblem(path, 1, "file is larger than " + MAX_FILE_BYTES / 1024 + " KB");
  }
}
