package no.faqbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.format.WordLists;
import no.faqbot.search.AnalysedContent;
import no.faqbot.search.AnalysisFile;
import no.faqbot.search.EntryDocument;
import no.faqbot.search.OpenedIndex;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk. Each build goes into a fresh folder that is switched to by an atomic
 * rename of the {@code CURRENT} pointer, so a crash mid-build leaves the previous index usable. An
 * index is reused only when it was built from the same content with the same analysis and word
 * lists.
 */
public final class IndexStore {
  private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
  private static final String POINTER = "CURRENT";
  private static final String FINGERPRINT_KEY = "faqbot.fingerprint";

  /**
   * Bump when the fields an entry is indexed into, or what {@link AnalysisFile} keeps, change: an
   * index of another layout is rebuilt.
   */
  private static final String LAYOUT = "layout-5";

  private final Path root;

  public IndexStore(Path root) {
    this.root = root;
  }

  /**
   * The search over {@code content}: a stored index is reused with the analysis kept beside it
   * ({@link AnalysisFile}); otherwise the content is analysed once, for the ranking and for the
   * index, which is built (see {@link #open}).
   */
  public SearchIndex searchIndex(ContentSnapshot content, TextAnalysis analysis) {
    AnalysedContent listed = AnalysedContent.listed(content, analysis);
    return new SearchIndex(listed, open(listed));
  }

  /**
   * Opens the stored index for {@code content}, building it when missing, stale or corrupt. Content
   * not analysed yet gets its vocabularies from the stored index's analysis, or is analysed.
   */
  public OpenedIndex open(AnalysedContent content) {
    String wanted = fingerprint(content);
    DirectoryReader reused = tryReuse(wanted);
    if (reused != null) {
      Path folder = currentFolder();
      if (content.analysed()) {
        return new OpenedIndex(reused, OpenedIndex.Outcome.REUSED, folder);
      }
      try {
        AnalysisFile kept = AnalysisFile.read(folder, reused.directory(), content);
        return new OpenedIndex(reused, OpenedIndex.Outcome.REUSED, folder, kept);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Analysis kept in {} is unreadable ({}); rebuilding", folder, e.toString());
        closeQuietly(reused);
        content.analyse(); // whatever the file had set is replaced
      }
    }
    if (!content.analysed()) {
      content.analyse();
    }
    Path folder = build(content, wanted);
    try {
      return new OpenedIndex(
          DirectoryReader.open(FSDirectory.open(folder)), OpenedIndex.Outcome.BUILT, folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the index just built in " + folder, e);
    }
  }

  private static String fingerprint(AnalysedContent content) {
    return LAYOUT
        + ":"
        + TextAnalysis.VERSION
        + ":"
        + WordLists.fingerprint()
        + ":"
        + content.content().fingerprint()
        + ":"
        + content.order();
  }

  private DirectoryReader tryReuse(String wanted) {
    Path folder = currentFolder();
    if (folder == null || !Files.isDirectory(folder)) {
      return null;
    }
    DirectoryReader reader = null;
    try {
      reader = DirectoryReader.open(FSDirectory.open(folder));
      Map<String, String> data = reader.getIndexCommit().getUserData();
      if (!wanted.equals(data.get(FINGERPRINT_KEY))) {
        LOG.info("Index in {} was built from other content; rebuilding", folder);
        reader.close();
        return null;
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity(); // checksums: catches a truncated or corrupted file
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Index in {} is unreadable ({}); rebuilding", folder, e.toString());
      closeQuietly(reader);
      return null;
    }
  }

  private Path currentFolder() {
    Path pointer = root.resolve(POINTER);
    try {
      if (!Files.isRegularFile(pointer)) {
        return null;
      }
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("..")) {
        return null;
      }
      return root.resolve(name);
    } catch (IOException e) {
      return null;
    }
  }

  /** Builds a new index aside, then switches the pointer to it atomically. */
  private Path build(AnalysedContent content, String fingerprint) {
    try {
      Files.createDirectories(root);
      String name =
          "gen-" + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
      Path building = root.resolve("building-" + name);
      try (FSDirectory dir = FSDirectory.open(building);
          IndexWriter writer =
              new IndexWriter(
                  dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
        addAll(writer, content);
        AnalysisFile.write(dir, content);
        writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint).entrySet());
        writer.commit();
      }
      Path folder = root.resolve(name);
      Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
      Path tmp = root.resolve(POINTER + ".tmp");
      Files.writeString(tmp, name, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp,
            root.resolve(POINTER),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING);
      }
      removeOldFolders(name);
      LOG.info("Built index of {} entries in {}", content.content().entryCount(), folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not build the index under " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every document, from every core (Lucene gives each thread its own segment): each carries its
   * entry's ordinal, so the order they reach Lucene in, and with it Lucene's document numbers,
   * decides nothing.
   */
  private static void addAll(IndexWriter writer, AnalysedContent content) throws IOException {
    try {
      IntStream.range(0, content.size())
          .parallel()
          .forEach(
              ordinal -> {
                try {
                  writer.addDocument(EntryDocument.of(content, ordinal));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public Path build(AnalysedContent content) {
    return build(content, fingerprint(content));
  }

  /** Old generations and half-built folders; open readers keep their files until closed. */
  private void removeOldFolders(String keep) {
    try (Stream<Path> list = Files.list(root)) {
      list.filter(p -> Files.isDirectory(p))
          .filter(p -> !p.getFileName().toString().equals(keep))
          .filter(
              p ->
                  p.getFileName().toString().startsWith("gen-")
                      || p.getFileName().toString().startsWith("building-"))
          .forEach(IndexStore::deleteTree);
    } catch (IOException e) {
      LOG.warn("Could not tidy old index folders in {}: {}", root, e.toString());
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", folder, e.toString());
    }
  }

  private static void closeQuietly(DirectoryReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // already failing; the rebuild is what matters
      }
    }
  }
}
