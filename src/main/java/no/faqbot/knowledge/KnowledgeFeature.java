package no.faqbot.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.content.ParsedEntryCache;
import no.faqbot.format.ContentProblem;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge feature wired together: the content loader, the index on disk, the knowledge base
 * served while its first index still loads, and hot reload.
 */
public final class KnowledgeFeature implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeFeature.class);

  /** Beside the index: FAQ files parsed at the last start, reused while unchanged. */
  private static final String PARSED_ENTRIES = "parsed-entries.bin";

  private final TextAnalysis analysis = new TextAnalysis();
  private final ContentLoader loader;
  private final IndexStore store;
  private final CompletableFuture<SearchIndex> loading = new CompletableFuture<>();
  private final KnowledgeBase base = new KnowledgeBase(loading);
  private final ContentReloader reloader;

  /** Serves {@code content} with its index in {@code index}; nothing loads before {@link #load}. */
  public KnowledgeFeature(Path content, Path index, Clock clock) {
    this.loader = contentLoader(content, index);
    this.store = new IndexStore(index);
    this.reloader = new ContentReloader(loader, store, analysis, base, clock);
  }

  /**
   * Loads {@code content}, reusing the FAQ files parsed when the index in {@code index} was last
   * opened or built.
   */
  public static ContentLoader contentLoader(Path content, Path index) {
    return new ContentLoader(
        content, new MarkdownRenderer(), ParsedEntryCache.onDisk(index.resolve(PARSED_ENTRIES)));
  }

  /** Reads the content folder ({@link ContentLoader#root}). */
  public ContentLoader loader() {
    return loader;
  }

  /**
   * Starts loading the content and opening (or building) the index in the background, after {@code
   * first} (which may make the folder hold the newest content revision), so the HTTP server can
   * start meanwhile; {@link KnowledgeBase#awaitReady} waits for it.
   */
  public void load(Runnable first) {
    Thread thread =
        new Thread(
            () -> {
              try {
                first.run();
                loading.complete(load());
              } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
              }
            },
            "faqbot-content-loader");
    thread.setDaemon(true);
    thread.start();
  }

  /** The Norwegian analysis the index is built with, for those that analyse text the same way. */
  public TextAnalysis analysis() {
    return analysis;
  }

  private SearchIndex load() {
    ContentSnapshot snapshot = loader.load();
    for (ContentProblem problem : snapshot.problems()) {
      LOG.warn("Content problem: {}", problem);
    }
    return store.searchIndex(snapshot, analysis);
  }

  /** The knowledge base served, its first index still loading until {@link #load} is done. */
  public KnowledgeBase base() {
    return base;
  }

  /**
   * Starts hot reload once the first load is done: content changes are served without a restart.
   */
  public void watch() {
    base.awaitReady();
    try {
      reloader.start();
    } catch (IOException e) {
      LOG.warn(
          "Cannot watch {} for changes ({}); restart to pick up content changes",
          loader.root(),
          e.toString());
    }
  }

  public ContentReloader reloader() {
    return reloader;
  }

  @Override
  public void close() {
    reloader.close();
    base.close();
  }
}
