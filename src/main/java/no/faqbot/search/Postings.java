package no.faqbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * The entries that use a term, read from one open index: each document's entry ordinal, and per
 * thread a place in each segment's dictionary to look terms up from. What {@link SearchIndex}
 * gathers a message's candidates from.
 */
final class Postings implements AutoCloseable {
  private final DirectoryReader reader;

  /** Each Lucene document's entry ordinal (see {@link AnalysedContent}), by document number. */
  private final int[] ordinals;

  /** Per thread, by field: where that thread looks terms up (see {@link Cursor}). */
  private final CloseableThreadLocal<Map<String, Cursor[]>> cursors =
      new CloseableThreadLocal<>() {
        @Override
        protected Map<String, Cursor[]> initialValue() {
          return new HashMap<>();
        }
      };

  Postings(DirectoryReader reader) {
    this.reader = reader;
    this.ordinals = ordinals(reader);
  }

  /** How many documents have ordinals, over all languages. */
  int ordinalCount() {
    return ordinals.length;
  }

  /** Lets go of every thread's cursors: once, when the reader has closed. */
  @Override
  public void close() {
    cursors.close();
  }

  /**
   * The postings of the term {@code id} in the language's field of all terms: for each live
   * document, its ordinal times two, plus one when a phrasing of its entry uses the term. This
   * index never changes, so a term's documents are read from Lucene once and kept, up to {@link
   * #MAX_KEPT} in all (a large knowledge base's long lists are read each time).
   */
  int[] docsOf(Searchable docs, Vocabulary vocabulary, int id) {
    int[] kept = docs.docsByTerm().get(id);
    if (kept != null) {
      return kept;
    }
    int[] read = readDocs(docs, vocabulary, id);
    int cost = read.length + KEPT_TERM_COST;
    if (kept(cost) <= MAX_KEPT) {
      docs.docsByTerm().put(id, read);
    } else {
      kept(-cost);
    }
    return read;
  }

  /** What {@link #docsOf} keeps, over all languages, in ints: about 8 MB at most. */
  private final AtomicLong kept = new AtomicLong();

  private static final long MAX_KEPT = 2_000_000;

  /** A kept term's map entry, key and array header, in ints. */
  private static final int KEPT_TERM_COST = 16;

  private long kept(int change) {
    return kept.addAndGet(change);
  }

  private int[] readDocs(Searchable docs, Vocabulary vocabulary, int id) {
    int[] out = new int[8];
    int count = 0;
    try {
      for (Cursor cursor : cursors.get().computeIfAbsent(docs.termsField(), this::openCursors)) {
        if (cursor == null || !cursor.dictionary.seekExact(vocabulary.bytes(id))) {
          continue; // no entry of this language in that segment, or none using the term
        }
        cursor.postings = cursor.dictionary.postings(cursor.postings, PostingsEnum.FREQS);
        for (int doc = cursor.postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = cursor.postings.nextDoc()) {
          if (cursor.live == null || cursor.live.get(doc)) {
            if (count == out.length) {
              out = Arrays.copyOf(out, count * 2);
            }
            int inPhrasing = cursor.postings.freq() == IndexFields.IN_PHRASING ? 1 : 0;
            out[count++] = ordinals[cursor.docBase + doc] << 1 | inPhrasing;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("searching the index failed", e);
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * One thread's place in one segment's dictionary of a field, with its postings reader. Kept per
   * thread and reused: setting them up for every message cost more than the lookups themselves.
   */
  private static final class Cursor {
    final TermsEnum dictionary;
    final Bits live;
    final int docBase;
    PostingsEnum postings;

    Cursor(TermsEnum dictionary, Bits live, int docBase) {
      this.dictionary = dictionary;
      this.live = live;
      this.docBase = docBase;
    }
  }

  private Cursor[] openCursors(String field) {
    List<LeafReaderContext> leaves = reader.leaves();
    Cursor[] cursors = new Cursor[leaves.size()];
    try {
      for (int i = 0; i < cursors.length; i++) {
        Terms terms = leaves.get(i).reader().terms(field);
        if (terms != null) {
          cursors[i] =
              new Cursor(
                  terms.iterator(), leaves.get(i).reader().getLiveDocs(), leaves.get(i).docBase);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("opening the index's dictionary failed", e);
    }
    return cursors;
  }

  /** The entry ordinal of each document, read from the index's doc values. */
  private static int[] ordinals(DirectoryReader reader) {
    int[] ordinals = new int[reader.maxDoc()];
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues values = leaf.reader().getNumericDocValues(IndexFields.ORDINAL);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException(
                "document " + (leaf.docBase + doc) + " of the index has no entry ordinal");
          }
          ordinals[leaf.docBase + doc] = (int) values.longValue();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading entry ordinals from the index failed", e);
    }
    return ordinals;
  }
}
