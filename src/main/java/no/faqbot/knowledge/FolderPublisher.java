package no.faqbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.format.ContentProblem;

/**
 * Publishes by writing into this machine's content folder and reloading: the behaviour without a
 * revision log. Holds the reloader's lock from the first write to the reload, so the file watcher
 * cannot load a half-written change, and puts every file back when the change brought a problem (a
 * problem that was there before, in a file it did not touch, does not block it).
 */
public final class FolderPublisher implements ContentPublisher {
  private final Path root;
  private final ContentReloader reloader;

  public FolderPublisher(Path root, ContentReloader reloader) {
    this.root = root.toAbsolutePath().normalize();
    this.reloader = reloader;
  }

  @Override
  public long servedRevision() {
    return 0;
  }

  @Override
  public Published publish(ContentChange change) {
    synchronized (reloader) {
      Set<String> problemsBefore = keys(reloader.servedProblems());
      Map<Path, byte[]> before = new LinkedHashMap<>();
      try {
        for (var file : change.files().entrySet()) {
          Path path = resolve(file.getKey());
          before.put(path, Files.exists(path) ? Files.readAllBytes(path) : null);
          writeAtomically(path, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        for (String deleted : change.deleted()) {
          Path path = resolve(deleted);
          before.put(path, Files.exists(path) ? Files.readAllBytes(path) : null);
          Files.deleteIfExists(path);
        }
        ContentReloader.ReloadStatus status = reloader.reload();
        List<ContentProblem> caused = caused(change, problemsBefore, status.problems());
        if (!caused.isEmpty()) {
          restore(before);
          reloader.reload();
          throw new ContentRejectedException(caused);
        }
        return new Published(0, reloader.servedFingerprint());
      } catch (IOException e) {
        try {
          restore(before);
        } catch (IOException again) {
          e.addSuppressed(again);
        }
        throw new UncheckedIOException("the content folder could not be written", e);
      }
    }
  }

  /**
   * The problems the change brought: any in a file it wrote, and any not there before. A problem
   * elsewhere that was there already (another editor's broken file) does not block it.
   */
  private static List<ContentProblem> caused(
      ContentChange change, Set<String> before, List<ContentProblem> after) {
    List<ContentProblem> caused = new ArrayList<>();
    for (ContentProblem p : after) {
      String relative = p.path().contains("/") ? p.path().substring(p.path().indexOf('/') + 1) : "";
      if (change.files().containsKey(relative) || !before.contains(key(p))) {
        caused.add(p);
      }
    }
    return caused;
  }

  /** A problem without its line, which moves when lines above it change. */
  private static String key(ContentProblem p) {
    return p.path() + "\u0000" + p.message();
  }

  private static Set<String> keys(List<ContentProblem> problems) {
    Set<String> keys = new HashSet<>();
    problems.forEach(p -> keys.add(key(p)));
    return keys;
  }

  private Path resolve(String relative) {
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("'" + relative + "' is outside the content folder");
    }
    return path;
  }

  private static void restore(Map<Path, byte[]> before) throws IOException {
    for (var file : before.entrySet()) {
      if (file.getValue() == null) {
        Files.deleteIfExists(file.getKey());
      } else {
        writeAtomically(file.getKey(), file.getValue());
      }
    }
  }

  /** Temp file and rename, so a reader never sees half a file. */
  public static void writeAtomically(Path path, byte[] bytes) throws IOException {
    Files.createDirectories(path.getParent());
    Path temp = Files.createTempFile(path.getParent(), ".publish-", ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
