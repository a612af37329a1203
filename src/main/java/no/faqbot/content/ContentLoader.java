package no.faqbot.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import no.faqbot.format.ContentProblem;

/**
 * Reads the whole content folder into a {@link ContentSnapshot}. A bad file is reported and served
 * as its last good version (or skipped when it never had one); it never keeps the other files from
 * loading or their changes from going live.
 */
public final class ContentLoader {

  private final Path root;
  private final ParsedEntryCache parsedBefore;
  private final ContentPass pass;

  /**
   * Each file's bytes when it last loaded without a problem of its own, by its path as problems
   * name it: what is served while a newer version has problems.
   */
  private final Map<String, byte[]> lastGood = new ConcurrentHashMap<>();

  /** A loader that parses every file (kept in memory for reloads). */
  public ContentLoader(Path root, MarkdownRenderer markdown) {
    this(root, markdown, ParsedEntryCache.inMemory());
  }

  public ContentLoader(Path root, MarkdownRenderer markdown, ParsedEntryCache parsedBefore) {
    this.root = root;
    this.parsedBefore = parsedBefore;
    this.pass = new ContentPass(prefix(), new FaqFileParser(markdown), parsedBefore);
  }

  public Path root() {
    return root;
  }

  /**
   * Loads the folder. A file with a problem of its own (it does not parse, or breaks a rule) is
   * served as its last good version when this loader saw one, else left out; a file that no longer
   * fits the others (a related id or flow gone) is served as its last good version when that fits.
   * So one broken file never keeps the other files' changes from going live. The snapshot's
   * problems are each file's own as saved and the links that do not hold in what is served; {@link
   * ContentSnapshot#staleFiles} names the files not served as saved.
   */
  public ContentSnapshot load() {
    List<ContentProblem> readProblems = new ArrayList<>();
    return load(readAll(readProblems), readProblems, true);
  }

  /**
   * Loads {@code relative} (path inside the content folder, as {@link #files} gives them, to bytes)
   * instead of the folder's files: a change is checked this way before anything is written. Files
   * with problems give way to their last good versions as in {@link #load()}, but what is checked
   * here never becomes a last good version: it has not been served.
   */
  public ContentSnapshot load(Map<String, byte[]> relative) {
    List<ContentProblem> readProblems = new ArrayList<>();
    Map<String, byte[]> files = new TreeMap<>();
    relative.forEach(
        (path, bytes) -> {
          if (bytes.length > ContentFiles.MAX_FILE_BYTES) {
            readProblems.add(ContentFiles.tooLarge(prefix() + path));
          } else {
            files.put(prefix() + path, bytes);
          }
        });
    return load(files, readProblems, false);
  }

  private ContentSnapshot load(
      Map<String, byte[]> disk, List<ContentProblem> readProblems, boolean remember) {
    Map<String, String> diskKeys = ContentPass.fileKeys(disk);
    ContentPass.Result onDisk = pass.run(disk, diskKeys, readProblems);
    Map<String, byte[]> served = new TreeMap<>(disk);
    Map<String, ContentSnapshot.StaleFile> stale = new TreeMap<>();
    ContentPass.Result result = onDisk;
    if (!onDisk.problems().isEmpty()) {
      // Round 1: a file with problems of its own gives way to its last good version, or is left
      // out.
      for (String path : onDisk.ownProblemFiles()) {
        if (disk.containsKey(path) || lastGood.containsKey(path)) {
          byte[] good = lastGood.get(path);
          if (good != null) {
            served.put(path, good);
          } else {
            served.remove(path);
          }
          stale.put(path, stale(path, good != null, onDisk.problems()));
        }
      }
      result = stale.isEmpty() ? onDisk : pass.run(served, readProblems);
      // Round 2: a file that no longer fits the others gives way to its last good version.
      Set<String> misfits = new TreeSet<>(result.crossProblemFiles());
      misfits.removeAll(stale.keySet());
      boolean changed = false;
      for (String path : misfits) {
        byte[] good = lastGood.get(path);
        if (good != null && disk.containsKey(path) && !Arrays.equals(good, disk.get(path))) {
          served.put(path, good);
          stale.put(path, stale(path, true, onDisk.problems()));
          changed = true;
        }
      }
      if (changed) {
        ContentPass.Result second = pass.run(served, readProblems);
        // A last good version that fits no better than the file on disk is no reason to hold back.
        for (String path : second.crossProblemFiles()) {
          if (misfits.contains(path) && stale.containsKey(path)) {
            served.put(path, disk.get(path));
            stale.remove(path);
          }
        }
        result = pass.run(served, readProblems);
      }
    }
    Set<String> ownProblems = onDisk.ownProblemFiles();
    if (remember) {
      lastGood.keySet().retainAll(served.keySet()); // a deleted file is a change like any other
      disk.forEach(
          (path, bytes) -> {
            if (!ownProblems.contains(path) && !stale.containsKey(path)) {
              lastGood.put(path, bytes);
            }
          });
    }
    Set<String> keep = new HashSet<>(diskKeys.values());
    keep.addAll(result.keys().values());
    parsedBefore.keepOnly(keep);
    // Each file's own problems as saved, a held-back file's links as saved, and the links that do
    // not hold in what is served (not those that only failed because a held-back file was missing).
    List<ContentProblem> problems = new ArrayList<>();
    for (ContentProblem p : onDisk.problems()) {
      if (!onDisk.crossProblems().contains(p) || stale.containsKey(p.path())) {
        problems.add(p);
      }
    }
    for (ContentProblem p : result.crossProblems()) {
      if (!problems.contains(p)) {
        problems.add(p);
      }
    }
    problems.sort(
        Comparator.comparing(ContentProblem::path).thenComparingInt(ContentProblem::line));
    return new ContentSnapshot(
        result.entries(),
        result.synonyms(),
        result.replies(),
        result.flows(),
        problems,
        ContentFiles.fingerprint(withoutPrefix(served)),
        List.copyOf(stale.values()));
  }

  private static ContentSnapshot.StaleFile stale(
      String path, boolean lastGood, List<ContentProblem> problems) {
    return new ContentSnapshot.StaleFile(
        path,
        lastGood,
        problems.stream().filter(p -> p.path().equals(path)).map(Object::toString).toList());
  }

  private String prefix() {
    return root.getFileName() == null ? "" : root.getFileName() + "/";
  }

  private Map<String, byte[]> readAll(List<ContentProblem> problems) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      problems.add(new ContentProblem(root.toString(), 1, "content folder does not exist"));
      return files;
    }
    try {
      for (String rel : ContentFiles.paths(root)) {
        Path p = root.resolve(rel);
        try {
          if (Files.size(p) > ContentFiles.MAX_FILE_BYTES) {
            problems.add(ContentFiles.tooLarge(prefix() + rel));
            continue;
          }
          files.put(prefix() + rel, Files.readAllBytes(p));
        } catch (IOException e) {
          problems.add(
              new ContentProblem(prefix() + rel, 1, "could not read file: " + e.getMessage()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          new ContentProblem(
              root.toString(), 1, "could not list content folder: " + e.getMessage()));
    }
    return files;
  }

  private Map<String, byte[]> withoutPrefix(Map<String, byte[]> files) {
    Map<String, byte[]> relative = new TreeMap<>();
    int cut = prefix().length();
    files.forEach((path, bytes) -> relative.put(path.substring(cut), bytes));
    return relative;
  }
}
