package no.faqbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.CloseableThreadLocal;
import org.apache.lucene.util.FixedBitSet;

/**
 * One content snapshot with its open Lucene index: immutable, shared by all requests until a reload
 * replaces it. Its reader's reference count keeps it open while a search in flight finishes on it.
 */
public final class SearchIndex implements AutoCloseable {
  /** Not in any vocabulary: weighs like a term only one entry uses, the unit of evidence. */
  private static final String RARE_TERM = "\u0000";

  private final ContentSnapshot content;
  private final DirectoryReader reader;
  private final Map<String, Vocabulary> vocabularies = new HashMap<>();
  private final Map<String, QueryPlanner> planners = new HashMap<>();

  /** {@link #RARE_TERM}'s idf by language: the same for every message. */
  private final Map<String, Double> rareTermIdf = new HashMap<>();

  /** What each language searches: its entries, untranslated ones, flow triggers. */
  private final Map<String, Searchable> searchableByLang = new HashMap<>();

  private final OpenedIndex.Outcome outcome;

  /** How many entries have ordinals (see {@link AnalysedContent}), over all languages. */
  private final int entryCount;

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

  public SearchIndex(AnalysedContent analysed, OpenedIndex opened) {
    this.content = analysed.content();
    this.reader = opened.reader();
    this.outcome = opened.outcome();
    IndexReader.CacheHelper closing = reader.getReaderCacheHelper();
    if (closing != null) {
      closing.addClosedListener( // once, when the last reference is gone
          key -> {
            cursors.close();
            foundMasks.close();
          });
    }
    ordinals = ordinals(reader);
    entryCount = analysed.size();
    TextAnalysis analysis = analysed.analysis();
    for (String lang : Languages.ALL) {
      Vocabulary vocabulary = analysed.vocabulary(lang);
      FaqEntry[] entries = new FaqEntry[analysed.size()];
      EntryTerms[] terms = new EntryTerms[entries.length];
      for (int ordinal = 0; ordinal < entries.length; ordinal++) {
        if (lang.equals(analysed.lang(ordinal))) {
          entries[ordinal] = analysed.entry(ordinal);
          terms[ordinal] = vocabulary.entryTerms(entries[ordinal].id());
        }
      }
      searchableByLang.put(
          lang,
          new Searchable(
              entries,
              terms,
              IndexFields.field(IndexFields.TERMS, lang),
              new ConcurrentHashMap<>()));
      vocabularies.put(lang, vocabulary);
      rareTermIdf.put(lang, vocabulary.idf(RARE_TERM));
      planners.put(
          lang,
          new QueryPlanner(
              lang,
              analysis,
              vocabulary,
              new SynonymExpander(content.synonyms(lang), lang, analysis)));
    }
  }

  public ContentSnapshot content() {
    return content;
  }

  public OpenedIndex.Outcome outcome() {
    return outcome;
  }

  /**
   * Entries of {@code lang} matching {@code message}, best first, at most {@code limit}; only hits
   * that explain some of the message. {@code section} filters when not null. Out-of-scope examples
   * are left out.
   */
  public List<SearchHit> search(String message, String lang, int limit, String section) {
    return search(message, lang, limit, inSection(section), false);
  }

  /** Like {@link #search}, with the out-of-scope examples competing: what the chat decides on. */
  public List<SearchHit> searchWithScope(String message, String lang, int limit) {
    return planned(message, lang).withScope(limit);
  }

  /** One message analysed once, to search it more than one way. */
  public Planned planned(String message, String lang) {
    return new Planned(plan(message, lang, false), lang);
  }

  /**
   * A message's plan, searched in the ways the chat needs. The entries it matches and their bounds
   * are found once, and each entry's fit is measured at most once, however many ways it is
   * searched.
   */
  public final class Planned {
    private final QueryPlan plan;
    private final String lang;
    private Candidates candidates;

    private Planned(QueryPlan plan, String lang) {
      this.plan = plan;
      this.lang = lang;
    }

    /** Entries, flows and out-of-scope examples, best first. */
    public List<SearchHit> withScope(int limit) {
      return candidates().best(limit, e -> true);
    }

    /** Whether the message opens a clause with a question word (how, why, what, ...). */
    public boolean asksQuestion() {
      return plan.asks() != QuestionWord.NONE;
    }

    /**
     * The share of the message's weight in words the content knows (some variant matches): low for
     * a message about something else, whatever its few shared words match.
     */
    public double knownShare() {
      double all = 0;
      double known = 0;
      for (QueryPlan.QueryTerm t : plan.terms()) {
        all += t.weight();
        known += t.variants().isEmpty() ? 0 : t.weight();
      }
      return all == 0 ? 0 : known / all;
    }

    /** How many terms the message has once analysed (stop words left out). */
    public int termCount() {
      return plan.terms().size();
    }

    /** Only the guided flows, best first: for a message that reports a problem. */
    public List<SearchHit> flows(int limit) {
      return candidates().best(limit, FaqEntry::isFlowTrigger);
    }

    /** The hits whose entries pass {@code which}, best first, at most {@code limit}. */
    public List<SearchHit> best(int limit, Predicate<FaqEntry> which) {
      return candidates().best(limit, which);
    }

    private Candidates candidates() {
      if (candidates == null) {
        candidates = candidatesFor(plan, lang);
      }
      return candidates;
    }
  }

  private static Predicate<FaqEntry> inSection(String section) {
    return section == null
        ? e -> !e.isOutOfScope()
        : e -> section.equals(e.section()) && !e.isOutOfScope();
  }

  /** The analysed terms (and their variants) a message searches for, to highlight them. */
  public java.util.Set<String> searchTerms(String message, String lang) {
    QueryPlanner planner = planners.get(lang);
    java.util.Set<String> terms = new java.util.HashSet<>();
    if (planner != null) {
      planner
          .plan(message)
          .terms()
          .forEach(
              t -> {
                terms.add(t.term());
                t.variants().forEach(v -> terms.add(v.term()));
              });
    }
    return terms;
  }

  /** Questions for what is being typed: the last word may be unfinished. Flows are left out. */
  public List<SearchHit> suggest(String typed, String lang, int limit) {
    boolean unfinished =
        !typed.isEmpty() && !Character.isWhitespace(typed.charAt(typed.length() - 1));
    return search(typed, lang, limit + 2, e -> !e.isOutOfScope(), unfinished).stream()
        .filter(h -> !h.entry().isFlowTrigger())
        .limit(limit)
        .toList();
  }

  private List<SearchHit> search(
      String message, String lang, int limit, Predicate<FaqEntry> filter, boolean lastIsPrefix) {
    return search(plan(message, lang, lastIsPrefix), lang, limit, filter);
  }

  private QueryPlan plan(String message, String lang, boolean lastIsPrefix) {
    QueryPlanner planner = planners.get(lang);
    if (planner == null) {
      throw new IllegalArgumentException("unsupported language '" + lang + "'");
    }
    return planner.plan(message, lastIsPrefix);
  }

  private List<SearchHit> search(
      QueryPlan plan, String lang, int limit, Predicate<FaqEntry> filter) {
    return candidatesFor(plan, lang).best(limit, filter);
  }

  private Candidates candidatesFor(QueryPlan plan, String lang) {
    Searchable docs = searchableByLang.get(lang);
    if (!anyVariant(plan)) {
      // nothing in it is known to the content
      return new Candidates(docs, null, new int[0], null, 0, 0);
    }
    Vocabulary vocabulary = vocabularies.get(lang);
    Coverage coverage = new Coverage(plan);
    int[] ids = coverage.termIds();
    Matches matches = matchingDocs(docs, vocabulary, candidateTerms(ids, vocabulary), ids);
    return new Candidates(
        docs, coverage, matches.ordinals(), matches.uses(), matches.words(), rareTermIdf.get(lang));
  }

  private static boolean anyVariant(QueryPlan plan) {
    for (QueryPlan.QueryTerm t : plan.terms()) {
      if (!t.variants().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The terms whose entries become candidates. On a large knowledge base a term used by more than
   * one entry in twenty finds too many entries to rank each, and says little about which is meant:
   * the message's rarer terms pick the candidates, and the common ones still count in their
   * coverage. When every term is that common, they all pick. Small knowledge bases are unaffected.
   */
  private static int[] candidateTerms(int[] ids, Vocabulary vocabulary) {
    int common = Math.max(COMMON_TERM_ENTRIES, vocabulary.entryCount() / 20);
    int[] rare = Arrays.stream(ids).filter(id -> vocabulary.docFreq(id) <= common).toArray();
    return rare.length == 0 ? ids : rare;
  }

  /** Below this many entries no term is too common to pick candidates. */
  private static final int COMMON_TERM_ENTRIES = 500;

  /**
   * What one language searches, by entry ordinal: the entry and its terms, or null for other
   * languages' entries; the language's field of all terms, and the entries of each term looked up
   * so far (see {@link #docsOf}). Made once per index, so hits need no lookups in Lucene.
   */
  record Searchable(
      FaqEntry[] entries, EntryTerms[] terms, String termsField, Map<Integer, int[]> docsByTerm) {}

  /**
   * The ordinals (ascending) of the entries that contain any of {@code termIds} in a phrasing or
   * the answer: exactly the entries that can explain some of it. Read straight from Lucene's term
   * dictionary and postings; a query object would add parsing, rewriting and scoring setup that a
   * plain "any of these terms" lookup does not need. The ranking is ours anyway.
   */
  private Matches matchingDocs(Searchable docs, Vocabulary vocabulary, int[] termIds, int[] all) {
    FixedBitSet found = new FixedBitSet(docs.entries().length);
    // Which of the message's ids (bit k for all[k]) each entry found uses: its bounds then look up
    // only those (see Coverage.upperBound). Walking even a common id's entries costs less than
    // looking it up in every candidate. Up to MASK_WORDS * 64 ids; beyond, every id is looked up.
    int words = (all.length + Long.SIZE - 1) / Long.SIZE;
    long[] masks = words <= MASK_WORDS ? foundMasks.get() : null;
    boolean done = false;
    try {
      // termIds are some of all, in the same order: k follows along
      for (int i = 0, k = 0; i < termIds.length; i++, k++) {
        while (all[k] != termIds[i]) {
          k++;
        }
        for (int ordinal : docsOf(docs, vocabulary, termIds[i])) {
          found.set(ordinal);
          if (masks != null) {
            masks[ordinal * MASK_WORDS + (k >> 6)] |= 1L << k;
          }
        }
      }
      for (int i = 0, k = 0; masks != null && k < all.length; k++) {
        if (i < termIds.length && termIds[i] == all[k]) {
          i++; // walked above
          continue;
        }
        for (int ordinal : docsOf(docs, vocabulary, all[k])) {
          if (found.get(ordinal)) {
            masks[ordinal * MASK_WORDS + (k >> 6)] |= 1L << k;
          }
        }
      }
      done = true;
    } finally {
      if (!done && masks != null) {
        Arrays.fill(masks, 0); // the next message on this thread starts clean
      }
    }
    int[] matched = new int[found.cardinality()];
    long[] uses = masks == null ? null : new long[matched.length * words];
    int count = 0;
    BitSetIterator entriesFound = new BitSetIterator(found, 0);
    for (int ordinal = entriesFound.nextDoc();
        ordinal != DocIdSetIterator.NO_MORE_DOCS;
        ordinal = entriesFound.nextDoc()) {
      if (docs.entries()[ordinal] != null) {
        if (masks != null) {
          System.arraycopy(masks, ordinal * MASK_WORDS, uses, count * words, words);
        }
        matched[count++] = ordinal;
      }
      if (masks != null) {
        Arrays.fill(masks, ordinal * MASK_WORDS, ordinal * MASK_WORDS + words, 0);
      }
    }
    return new Matches(Arrays.copyOf(matched, count), uses, words);
  }

  /** Masks of up to this many longs per entry: messages of up to 256 ids (variants included). */
  private static final int MASK_WORDS = 4;

  /**
   * The entries matching a message (ordinals, ascending) and, when known, which of the message's
   * ids each of them uses: {@code words} longs of bits each (see {@link #matchingDocs}), or null
   * when there were too many ids.
   */
  private record Matches(int[] ordinals, long[] uses, int words) {}

  /**
   * Per thread: {@link #MASK_WORDS} longs of mask by entry ordinal, all zero between messages.
   * Reused because a large knowledge base has many entries and a message's walk touches few.
   */
  private final CloseableThreadLocal<long[]> foundMasks =
      new CloseableThreadLocal<>() {
        @Override
        protected long[] initialValue() {
          return new long[entryCount * MASK_WORDS];
        }
      };

  /**
   * The ordinals of the live documents whose field of all terms holds the term {@code id}. This
   * index never changes, so a term's documents are read from Lucene once and kept, up to {@link
   * #MAX_KEPT} in all (a large knowledge base's long lists are read each time).
   */
  private int[] docsOf(Searchable docs, Vocabulary vocabulary, int id) {
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
        cursor.postings = cursor.dictionary.postings(cursor.postings, PostingsEnum.NONE);
        for (int doc = cursor.postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = cursor.postings.nextDoc()) {
          if (cursor.live == null || cursor.live.get(doc)) {
            if (count == out.length) {
              out = Arrays.copyOf(out, count * 2);
            }
            out[count++] = ordinals[cursor.docBase + doc];
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

  /**
   * Takes a reference to the reader (Lucene's own count); false once it has closed because a reload
   * swapped this index out. See {@code knowledge.LiveIndex}, Lucene's ReferenceManager over these.
   */
  public boolean tryIncRef() {
    return reader.tryIncRef();
  }

  /** Gives a reference back; the last one closes the reader (and with it the cursors). */
  public void decRef() throws IOException {
    reader.decRef();
  }

  public int refCount() {
    return reader.getRefCount();
  }

  @Override
  public void close() {
    try {
      decRef();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed", e);
    }
  }
}
