package no.faqbot.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.faqbot.support.Screenshot;
import no.faqbot.support.UploadContent;

/**
 * The screenshots of kept cases, as files under {@code <data>/cases/<case ref>/<n>}: at most {@code
 * capBytes} in all; room for a new case's is made by deleting the oldest cases' screenshots first.
 */
public final class CaseFiles {
  private static final Pattern REF = Pattern.compile("FQ-[A-Z0-9]{6}");

  private final Path folder;
  private final long capBytes;

  public CaseFiles(Path folder, long capBytes) {
    this.folder = folder;
    this.capBytes = capBytes;
  }

  /** Whether {@code ref} looks like a case number (so it is safe as a folder name). */
  public static boolean isRef(String ref) {
    return ref != null && REF.matcher(ref).matches();
  }

  /**
   * Copies {@code shots} (from the request's uploads) to the case's folder, replacing what it held;
   * {@code evicted} is told of each older case whose screenshots were deleted to make room.
   */
  public synchronized void save(String ref, List<Screenshot> shots, Consumer<String> evicted)
      throws IOException {
    delete(ref);
    long needed = shots.stream().mapToLong(Screenshot::size).sum();
    if (needed == 0) {
      return;
    }
    makeRoom(needed, evicted);
    Path dir = dir(ref);
    Files.createDirectories(dir);
    for (int i = 0; i < shots.size(); i++) {
      try (InputStream in = shots.get(i).content().open()) {
        Files.copy(in, dir.resolve(Integer.toString(i)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The {@code index}th screenshot of a case, or null when it is not (or no longer) kept. */
  public UploadContent open(String ref, int index) {
    Path file = dir(ref).resolve(Integer.toString(index));
    return Files.isRegularFile(file) ? () -> Files.newInputStream(file) : null;
  }

  public synchronized void delete(String ref) throws IOException {
    Path dir = dir(ref);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }

  private void makeRoom(long needed, Consumer<String> evicted) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> dirs;
    try (Stream<Path> list = Files.list(folder)) {
      dirs = new ArrayList<>(list.filter(Files::isDirectory).toList());
    }
    dirs.sort(Comparator.comparing(CaseFiles::modified));
    long used = 0;
    for (Path d : dirs) {
      used += size(d);
    }
    for (Path d : dirs) {
      if (used + needed <= capBytes) {
        break;
      }
      used -= size(d);
      String ref = d.getFileName().toString();
      delete(ref);
      evicted.accept(ref);
    }
  }

  private Path dir(String ref) {
    if (!isRef(ref)) {
      throw new IllegalArgumentException("not a case number: " + ref);
    }
    return folder.resolve(ref);
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(CaseFiles::bytes).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static long bytes(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
