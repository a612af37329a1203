package no.faqbot.revisions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import no.faqbot.content.ContentFiles;
import no.faqbot.knowledge.FolderPublisher;

/** Writes a content set into a folder, so editors, git and the file watcher keep seeing files. */
public final class ContentFolder {
  private ContentFolder() {}

  /**
   * Makes {@code root} hold exactly {@code files} (paths relative to it): each changed file is
   * written beside and renamed over the old one, so no reader sees half a file, and content files
   * not in the set are deleted. Other files (an editor's swap files, a README) are left alone.
   *
   * @return whether anything changed
   */
  public static boolean write(Path root, Map<String, byte[]> files) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Files.createDirectories(base);
    boolean changed = false;
    for (var file : files.entrySet()) {
      Path path = inside(base, file.getKey());
      if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), file.getValue())) {
        continue;
      }
      FolderPublisher.writeAtomically(path, file.getValue());
      changed = true;
    }
    for (String existing : ContentFiles.paths(base)) {
      if (!files.containsKey(existing)) {
        Files.deleteIfExists(base.resolve(existing));
        changed = true;
      }
    }
    return changed;
  }

  private static Path inside(Path root, String relative) {
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException(
          "'" + relative + "' is not a path inside the content folder " + root);
    }
    return path;
  }
}
