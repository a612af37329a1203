package no.faqbot.knowledge;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.format.ContentProblem;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: watches the content folder, waits until a burst of saves is over, loads the content
 * and builds its index aside, and swaps it in atomically. A file with a problem is held back (its
 * last good version serves, see {@link ContentLoader#load}) while the other files' changes go live;
 * the problems are kept for editors to see.
 */
public final class ContentReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentReloader.class);

  /** Editors' tools save in bursts (temp file, rename, backup): wait for this much quiet. */
  static final long QUIET_MILLIS = 250;

  private final ContentLoader loader;
  private final IndexStore store;
  private final TextAnalysis analysis;
  private final KnowledgeBase knowledge;
  private final Clock clock;
  private final AtomicReference<ReloadStatus> last = new AtomicReference<>();
  private final AtomicLong reloadsServed = new AtomicLong();
  private final AtomicLong reloadsRefused = new AtomicLong();

  /** The content revision the folder holds (0: none, content from the folder alone). */
  private volatile long revision;

  /** Told after each reload the file watcher started (an edit in the folder itself). */
  private volatile Consumer<ReloadStatus> folderChanged = status -> {};

  private FolderWatcher watcher;

  /**
   * The outcome of the last reload: when, whether every file was served as it is ({@code served}),
   * what was wrong, and which files were held back (their last good version served, or left out).
   */
  public record ReloadStatus(
      Instant at,
      boolean served,
      long millis,
      List<ContentProblem> problems,
      List<ContentSnapshot.StaleFile> staleFiles) {
    public ReloadStatus {
      problems = List.copyOf(problems);
      staleFiles = List.copyOf(staleFiles);
    }

    /** As the staff content status shows it: problems as {@code path:line: message}. */
    public Map<String, Object> summary() {
      return summary(
          problems.stream().map(Object::toString).toList(),
          "staleFiles",
          staleFiles.stream().map(ContentSnapshot.StaleFile::path).toList());
    }

    /**
     * For the public {@code /health}: how many problems and held-back files, not where (file paths
     * are for logged-in editors).
     */
    public Map<String, Object> publicSummary() {
      return summary(problems.size(), "stale", staleFiles.size());
    }

    private Map<String, Object> summary(Object problems, String staleKey, Object stale) {
      return Map.of(
          "at",
          at.toString(),
          "served",
          served,
          "millis",
          millis,
          "problems",
          problems,
          staleKey,
          stale);
    }
  }

  public ContentReloader(
      ContentLoader loader,
      IndexStore store,
      TextAnalysis analysis,
      KnowledgeBase knowledge,
      Clock clock) {
    this.loader = loader;
    this.store = store;
    this.analysis = analysis;
    this.knowledge = knowledge;
    this.clock = clock;
  }

  /** Starts watching in a background thread. */
  public synchronized void start() throws IOException {
    watcher = new FolderWatcher(loader.root(), QUIET_MILLIS, this::reloadAfterEdit);
  }

  public ReloadStatus lastReload() {
    return last.get();
  }

  /**
   * How many reloads were served ({@code true}) or refused for content problems ({@code false}).
   */
  public long reloads(boolean served) {
    return (served ? reloadsServed : reloadsRefused).get();
  }

  /** The fingerprint of the content being served. */
  public String servedFingerprint() {
    return knowledge.current().content().fingerprint();
  }

  /** The content revision being served: the one the folder held at the last reload. */
  public long servedRevision() {
    return revision;
  }

  /** Notes that the content served came from {@code revision} (the folder was loaded at start). */
  public void servingRevision(long revision) {
    this.revision = revision;
  }

  /**
   * Tells {@code listener} about each reload the file watcher starts, after it (holding this
   * reloader's lock is up to the listener).
   */
  public void onFolderChange(Consumer<ReloadStatus> listener) {
    this.folderChanged = listener;
  }

  /**
   * Reloads after {@code revision} was written into the folder; when served, that revision is the
   * one served.
   */
  public synchronized ReloadStatus reload(long revision) {
    return load(revision);
  }

  /**
   * Loads the content now; swaps it in when it has no problems. One reload at a time: the watcher,
   * staff actions and publishers share this lock (also held by {@link FolderPublisher} around its
   * writes), so two reloads never build or delete each other's index folders.
   */
  public synchronized ReloadStatus reload() {
    return load(NO_REVISION);
  }

  /** For {@link #reload()}: the folder holds no newly written revision. */
  private static final long NO_REVISION = -1;

  /**
   * Loads and swaps; when {@code written} is a revision just written into the folder and the
   * content is served, the revision is noted before the swap, so no one sees the new answers beside
   * the old revision number.
   */
  private ReloadStatus load(long written) {
    long started = System.nanoTime();
    ContentSnapshot content = loader.load();
    boolean served = content.problems().isEmpty();
    content.problems().forEach(p -> LOG.warn("Content problem: {}", p));
    content
        .staleFiles()
        .forEach(
            f ->
                LOG.warn(
                    "Not served as saved: {} ({})",
                    f.path(),
                    f.lastGood() ? "its last good version is served" : "left out"));
    if (written != NO_REVISION && served) {
      this.revision = written;
    }
    // The files without problems go live even when another file has one: that file is held back.
    SearchIndex next =
        content.fingerprint().equals(knowledge.current().content().fingerprint())
            ? null
            : store.searchIndex(content, analysis);
    (served ? reloadsServed : reloadsRefused).incrementAndGet();
    ReloadStatus status =
        new ReloadStatus(
            Instant.now(clock),
            served,
            (System.nanoTime() - started) / 1_000_000,
            content.problems(),
            content.staleFiles());
    // Like the revision: whoever sees the new answers sees the reload that brought them.
    last.set(status);
    if (next != null) {
      knowledge.swap(next);
      LOG.info("Reloaded {} entries and {} flows", content.entryCount(), content.flows().size());
    }
    return status;
  }

  private void reloadAfterEdit() {
    try {
      folderChanged.accept(reload());
    } catch (RuntimeException e) {
      LOG.error("Reloading content failed; the last good content keeps serving", e);
    }
  }

  /** The problems in the content folder as the last load found them. */
  public List<ContentProblem> servedProblems() {
    ReloadStatus status = last.get();
    return status != null ? status.problems() : knowledge.current().content().problems();
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
    }
  }
}
