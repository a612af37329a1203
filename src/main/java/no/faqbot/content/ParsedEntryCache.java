package no.faqbot.content;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.faqbot.format.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FAQ files parsed before, by a hash of their path and bytes. Reading YAML, rendering Markdown and
 * sanitising the HTML is most of what a start costs, and between two starts (or two reloads) most
 * files have not changed. Kept in memory across reloads and, when given a file, on disk across
 * restarts. Only files that parsed without problems are kept, so every problem is found afresh with
 * its line. The disk copy is tied to the build that wrote it, since another build may parse or
 * render differently; a missing, foreign or damaged copy is simply not used.
 */
public final class ParsedEntryCache {
  private static final Logger LOG = LoggerFactory.getLogger(ParsedEntryCache.class);
  private static final String FORMAT = "faqbot-parsed-entries-2";

  /**
   * Far above any real content tree (a few MB; about 1.5 KB an entry, so some 150 MB for 100,000
   * entries, whose start it saves most of): a larger file is damaged or not ours. Counts and
   * lengths inside are checked against the bytes left, so a damaged one cannot allocate more.
   */
  private static final long MAX_FILE_BYTES = 1L << 30;

  private static final int MAX_TEXT_BYTES = 1 << 20;
  private static final int MAX_ENTRIES = 1_000_000;

  /** Alternatives, tags, related ids, key lines of one entry. */
  private static final int MAX_ITEMS = 100_000;

  private final Path file;
  private final String build;
  private final Map<String, FaqFileParser.Result> byKey = new ConcurrentHashMap<>();
  private boolean read;
  private boolean changed;

  /**
   * @param file where to keep it between starts, or null for memory only
   * @param build what identifies the code that parses; null keeps it in memory only
   */
  public ParsedEntryCache(Path file, String build) {
    this.file = build == null ? null : file;
    this.build = build;
  }

  /** Memory only: for one-off commands such as {@code validate}, which should parse every file. */
  public static ParsedEntryCache inMemory() {
    return new ParsedEntryCache(null, null);
  }

  /** Kept in {@code file} when running from a jar, whose size and time identify the build. */
  public static ParsedEntryCache onDisk(Path file) {
    return new ParsedEntryCache(file, jarIdentity());
  }

  /**
   * Null when running from class folders (tests, an IDE), where a changed parser would not show.
   */
  private static String jarIdentity() {
    try {
      Path code =
          Path.of(
              ParsedEntryCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return code.getFileName()
            + ":"
            + Files.size(code)
            + ":"
            + Files.getLastModifiedTime(code).toMillis();
      }
    } catch (Exception e) {
      LOG.debug(
          "Cannot tell which build this is ({}); parsed entries are kept in memory only",
          e.toString());
    }
    return null;
  }

  /** The key of a file: its path and every byte of it. */
  public static String key(String path, byte[] bytes) {
    return Sha256.hex(path.getBytes(StandardCharsets.UTF_8), new byte[] {0}, bytes);
  }

  /** The earlier result for this key, or null. */
  public FaqFileParser.Result get(String key) {
    readOnce();
    return byKey.get(key);
  }

  /** Keeps a result that has an entry and no problems; others are not kept. */
  public void put(String key, FaqFileParser.Result result) {
    if (result.entry() != null && result.problems().isEmpty() && byKey.put(key, result) == null) {
      synchronized (this) {
        changed = true;
      }
    }
  }

  /**
   * Forgets the files no longer in the content folder and writes the disk copy if anything changed.
   * A failure to write costs only speed at the next start, so it is logged, not thrown.
   */
  public synchronized void keepOnly(Set<String> keys) {
    changed |= byKey.keySet().retainAll(keys);
    if (!changed || file == null) {
      return;
    }
    changed = false;
    try {
      write();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Could not write {} ({}); the next start parses every file again", file, e.toString());
    }
  }

  private synchronized void readOnce() {
    if (read) {
      return;
    }
    read = true;
    if (file == null) {
      return;
    }
    try (BoundedInput in = BoundedInput.open(file, MAX_FILE_BYTES)) {
      if (!FORMAT.equals(in.readUTF()) || !build.equals(in.readUTF())) {
        return; // written by another build
      }
      // Each entry takes at least its key's length and 13 counts or lengths of 4 bytes.
      int count = in.count(2 + 13 * 4, MAX_ENTRIES);
      Map<String, FaqFileParser.Result> found = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String key = in.readUTF();
        found.put(key, new FaqFileParser.Result(readEntry(in), List.of(), readLines(in)));
      }
      byKey.putAll(found);
    } catch (NoSuchFileException e) {
      // first start
    } catch (IOException | RuntimeException e) {
      LOG.info("Not using {} ({}); every file is parsed again", file, e.toString());
    }
  }

  private void write() throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream raw = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
      out.writeUTF(FORMAT);
      out.writeUTF(build);
      Map<String, FaqFileParser.Result> snapshot = new HashMap<>(byKey);
      out.writeInt(snapshot.size());
      for (Map.Entry<String, FaqFileParser.Result> e : snapshot.entrySet()) {
        out.writeUTF(e.getKey());
        writeEntry(out, e.getValue().entry());
        writeLines(out, e.getValue().keyLines());
      }
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** In the order of {@link FaqEntry.Article}'s components, which {@link #readEntry} reads. */
  private static void writeEntry(DataOutputStream out, FaqEntry.Article e) throws IOException {
    writeText(out, e.id());
    writeText(out, e.lang());
    writeText(out, e.question());
    writeList(out, e.alternatives());
    writeText(out, e.section());
    writeList(out, e.tags());
    writeList(out, e.related());
    writeText(out, e.updated() == null ? null : e.updated().toString());
    writeText(out, e.flow());
    writeText(out, e.answer().markdown());
    writeText(out, e.answer().text());
    writeText(out, e.answer().html());
    writeText(out, e.sourcePath());
  }

  private static FaqEntry.Article readEntry(BoundedInput in) throws IOException {
    // Arguments are evaluated left to right, in the order writeEntry wrote them.
    return new FaqEntry.Article(
        readText(in),
        readText(in),
        readText(in),
        readList(in),
        readText(in),
        readList(in),
        readList(in),
        readDate(in),
        readText(in),
        new FaqEntry.Answer(readText(in), readText(in), readText(in)),
        readText(in));
  }

  private static LocalDate readDate(BoundedInput in) throws IOException {
    String date = readText(in);
    return date == null ? null : LocalDate.parse(date);
  }

  private static void writeList(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String item : list) {
      writeText(out, item);
    }
  }

  private static void writeLines(DataOutputStream out, Map<String, Integer> lines)
      throws IOException {
    out.writeInt(lines.size());
    for (Map.Entry<String, Integer> line : lines.entrySet()) {
      out.writeUTF(line.getKey());
      out.writeInt(line.getValue());
    }
  }

  private static Map<String, Integer> readLines(BoundedInput in) throws IOException {
    int count = in.count(2 + 4, MAX_ITEMS);
    Map<String, Integer> lines = new HashMap<>();
    for (int i = 0; i < count; i++) {
      lines.put(in.readUTF(), in.readInt());
    }
    return lines;
  }

  private static List<String> readList(BoundedInput in) throws IOException {
    int count = in.count(4, MAX_ITEMS);
    List<String> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(readText(in));
    }
    return list;
  }

  /** Length-prefixed UTF-8 (writeUTF stops at 64 KB), -1 for null. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(BoundedInput in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    in.check(length, 1, MAX_TEXT_BYTES, "text length");
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
