package no.faqbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import no.faqbot.search.SearchIndex;

/**
 * The knowledge base being served. Requests borrow the current {@link SearchIndex} from a {@link
 * LiveIndex}; a reload swaps in a new one, and the old one closes when its last request is done.
 */
public final class KnowledgeBase implements AutoCloseable {
  private final CompletableFuture<SearchIndex> first;
  private final CompletableFuture<LiveIndex> live;

  public KnowledgeBase(SearchIndex initial) {
    this(CompletableFuture.completedFuture(initial));
  }

  /**
   * A knowledge base whose first index is still loading: the server can listen at once, and the
   * first requests wait until the content is there.
   */
  public KnowledgeBase(CompletableFuture<SearchIndex> first) {
    this.first = first;
    this.live = first.thenApply(LiveIndex::new);
  }

  /** Waits for the first index; throws what its loading threw. */
  public SearchIndex awaitReady() {
    return first.join();
  }

  /** Whether the first index is loaded and open, without waiting for it. */
  public boolean isLoaded() {
    return live.isDone() && !live.isCompletedExceptionally();
  }

  /** Runs {@code work} against the current index, which stays open until it returns. */
  public <T> T withIndex(Function<SearchIndex, T> work) {
    LiveIndex index = live();
    try {
      SearchIndex acquired = index.acquire();
      try {
        return work.apply(acquired);
      } finally {
        index.release(acquired);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the index could not be released", e);
    }
  }

  /** The current index, for reading its content snapshot (no Lucene access). */
  public SearchIndex current() {
    return live().peek();
  }

  /** Serves {@code next} from now on and lets the old index close once idle. */
  public void swap(SearchIndex next) {
    try {
      live().swap(next);
    } catch (IOException e) {
      throw new UncheckedIOException("the replaced index could not be closed", e);
    }
  }

  private LiveIndex live() {
    awaitReady(); // throws what loading threw, as it was thrown
    return live.join();
  }

  /** Closes the live index now, or once the first one is loaded when that is still under way. */
  @Override
  public void close() {
    var unused =
        live.thenAccept(
            index -> {
              try {
                index.close();
              } catch (IOException ignored) {
                // nothing is reading it any more
              }
            });
  }
}
