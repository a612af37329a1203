package no.faqbot.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The knowledge base being served. Requests borrow the current {@link SearchIndex}; a reload
 * swaps in a new one atomically, and the old one closes when its last request is done.
 */
public final class KnowledgeBase implements AutoCloseable {
  private final AtomicReference<SearchIndex> current = new AtomicReference<>();
  private final CompletableFuture<SearchIndex> first;

  public KnowledgeBase(SearchIndex initial) {
    this(CompletableFuture.completedFuture(initial));
  }

  /**
   * A knowledge base whose first index is still loading: the server can listen at once, and the
   * first requests wait until the content is there.
   */
  public KnowledgeBase(CompletableFuture<SearchIndex> first) {
    this.first = first;
    first.thenAccept(index -> current.compareAndSet(null, index));
  }

  /** Waits for the first index; throws what its loading threw. */
  public SearchIndex awaitReady() {
    return first.join();
  }

  /** Whether the first index is loaded and open, without waiting for it. */
  public boolean isLoaded() {
    return current.get() != null;
  }

  /** Runs {@code work} against the current index, which stays open until it returns. */
  public <T> T withIndex(Function<SearchIndex, T> work) {
    while (true) {
      SearchIndex index = current();
      if (index.tryAcquire()) {
        try {
          return work.apply(index);
        } finally {
          index.release();
        }
      }
    }
  }

  /** The current index, for reading its content snapshot (no Lucene access). */
  public SearchIndex current() {
    SearchIndex index = current.get();
    return index != null ? index : awaitReady();
  }

  /** Serves {@code next} from now on and lets the old index close once idle. */
  public void swap(SearchIndex next) {
    SearchIndex old = current.getAndSet(next);
    if (old != null && old != next) {
      old.release();
    }
  }

  @Override
  public void close() {
    SearchIndex index = first.isDone() && !first.isCompletedExceptionally() ? current() : null;
    if (index != null) {
      index.release();
    }
  }
}
