package no.faqbot.knowledge;

import java.io.IOException;
import no.faqbot.search.SearchIndex;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The index being served, shared through Lucene's {@link ReferenceManager}: requests acquire and
 * release it, a reload swaps in the next one, and the old one closes when its last request is done.
 * The counting is the reader's own ({@link SearchIndex#tryIncRef}).
 */
public final class LiveIndex extends ReferenceManager<SearchIndex> {
  /** Handed over by {@link #swap}, taken by the next refresh. Guarded by this. */
  private SearchIndex next;

  public LiveIndex(SearchIndex first) {
    current = first;
  }

  /** The index served now, without taking a reference: for reading its content snapshot only. */
  public SearchIndex peek() {
    SearchIndex index = current;
    if (index == null) {
      throw new AlreadyClosedException("the knowledge base is closed");
    }
    return index;
  }

  /** Serves {@code index} from now on; the one it replaces closes once idle. */
  public synchronized void swap(SearchIndex index) throws IOException {
    next = index;
    try {
      maybeRefreshBlocking();
    } catch (AlreadyClosedException e) {
      next = null;
      index.decRef(); // nobody will serve it
      throw e;
    }
  }

  @Override
  protected synchronized SearchIndex refreshIfNeeded(SearchIndex served) {
    SearchIndex index = next;
    next = null;
    return index == served ? null : index;
  }

  @Override
  protected boolean tryIncRef(SearchIndex index) {
    return index.tryIncRef();
  }

  @Override
  protected void decRef(SearchIndex index) throws IOException {
    index.decRef();
  }

  @Override
  protected int getRefCount(SearchIndex index) {
    return index.refCount();
  }
}
