package no.faqbot.search;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The knowledge base being served. Requests borrow the current {@link SearchIndex}; a reload
 * swaps in a new one atomically, and the old one closes when its last request is done.
 */
public final class KnowledgeBase implements AutoCloseable {
  private final AtomicReference<SearchIndex> current;

  public KnowledgeBase(SearchIndex initial) {
    this.current = new AtomicReference<>(initial);
  }

  /** Runs {@code work} against the current index, which stays open until it returns. */
  public <T> T withIndex(Function<SearchIndex, T> work) {
    while (true) {
      SearchIndex index = current.get();
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
    return current.get();
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
    current.get().release();
  }
}
