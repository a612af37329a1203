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
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.CloseableThreadLocal;

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

  /** The most entries one language searches: the size of each thread's {@link #scratch}. */
  private final int scratchSize;

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
            scratch.close();
            if (opened.kept() != null) {
              opened.kept().close();
            }
          });
    }
    ordinals = ordinals(reader);
    TextAnalysis analysis = analysed.analysis();
    int widest = 0;
    for (String lang : Languages.ALL) {
      Vocabulary vocabulary = analysed.vocabulary(lang);
      FaqEntry[] entries = new FaqEntry[analysed.size()];
      byte[] kinds = new byte[entries.length];
      int first = -1;
      int last = -1;
      for (int ordinal = 0; ordinal < entries.length; ordinal++) {
        if (lang.equals(analysed.lang(ordinal))) {
          entries[ordinal] = analysed.entry(ordinal);
          kinds[ordinal] = Candidates.kindOf(entries[ordinal]);
          first = first < 0 ? ordinal : first;
          last = ordinal;
        }
      }
      widest = Math.max(widest, last - first + 1);
      searchableByLang.put(
          lang,
          new Searchable(
              entries,
              vocabulary,
              kinds,
              Math.max(first, 0),
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
    scratchSize = widest;
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
      return candidates().best(limit, e -> true, Candidates.ANY);
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
      return candidates().best(limit, FaqEntry::isFlowTrigger, Candidates.FLOW);
    }

    /** Only the out-of-scope examples, best first. */
    public List<SearchHit> outOfScope(int limit) {
      return candidates().best(limit, FaqEntry::isOutOfScope, Candidates.OUT_OF_SCOPE);
    }

    /**
     * Only the entries that answer (neither flows' triggers nor out-of-scope examples) and pass
     * {@code which}, best first, at most {@code limit}.
     */
    public List<SearchHit> answers(int limit, Predicate<FaqEntry> which) {
      return candidates().best(limit, which, Candidates.PLAIN);
    }

    /** The hits whose entries pass {@code which}, best first, at most {@code limit}. */
    public List<SearchHit> best(int limit, Predicate<FaqEntry> which) {
      return candidates().best(limit, which, Candidates.ANY);
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
    return candidatesFor(plan, lang).best(limit, filter, Candidates.ANY);
  }

  private Candidates candidatesFor(QueryPlan plan, String lang) {
    return candidatesFor(plan, lang, Candidates.KEPT);
  }

  /** The candidates of {@code plan}, the best {@code keep} plain entries among them kept. */
  private Candidates candidatesFor(QueryPlan plan, String lang, int keep) {
    Searchable docs = searchableByLang.get(lang);
    if (!anyVariant(plan)) {
      return Candidates.NONE; // nothing in it is known to the content
    }
    Vocabulary vocabulary = vocabularies.get(lang);
    Coverage coverage = new Coverage(plan);
    int[] ids = coverage.termIds();
    int[][] postings = new int[ids.length][];
    for (int k = 0; k < ids.length; k++) {
      postings[k] = docsOf(docs, vocabulary, ids[k]);
    }
    return Candidates.gather(
        docs,
        coverage,
        postings,
        picks(ids, vocabulary),
        scratch.get(),
        keep,
        rareTermIdf.get(lang),
        () -> candidatesFor(plan, lang, Integer.MAX_VALUE));
  }

  /** For tests: a message's candidates with at most {@code keep} plain ones kept. */
  Candidates candidates(String message, String lang, int keep) {
    return candidatesFor(plan(message, lang, false), lang, keep);
  }

  /** For tests: the bound of the entry with this ordinal by its definition, and its terms. */
  double definedBound(String message, String lang, int ordinal) {
    Searchable docs = searchableByLang.get(lang);
    return new Coverage(plan(message, lang, false)).upperBound(docs.terms(ordinal));
  }

  /** For tests: how many entries have ordinals, over all languages. */
  int ordinalCount() {
    return ordinals.length;
  }

  /** For tests: whether the entry with this ordinal is searched in {@code lang}. */
  boolean searches(String lang, int ordinal) {
    return searchableByLang.get(lang).entries()[ordinal] != null;
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
   * Which of {@code ids} pick the candidates: null when all do. On a large knowledge base a term
   * used by more than one entry in twenty finds too many entries to rank each, and says little
   * about which is meant: the message's rarer terms pick the candidates, and the common ones still
   * count in their bounds and coverage. When every term is that common, they all pick. Small
   * knowledge bases are unaffected.
   */
  private static boolean[] picks(int[] ids, Vocabulary vocabulary) {
    int common = Math.max(COMMON_TERM_ENTRIES, vocabulary.entryCount() / 20);
    boolean[] picks = new boolean[ids.length];
    boolean all = true;
    boolean any = false;
    for (int k = 0; k < ids.length; k++) {
      picks[k] = vocabulary.docFreq(ids[k]) <= common;
      all &= picks[k];
      any |= picks[k];
    }
    return all || !any ? null : picks;
  }

  /** Below this many entries no term is too common to pick candidates. */
  private static final int COMMON_TERM_ENTRIES = 500;

  /**
   * What one language searches, by entry ordinal: the entry and its kind (see {@link
   * Candidates#kindOf}), or null and 0 for other languages' entries; the vocabulary, which has each
   * entry's terms, the first ordinal of the language, its field of all terms, and the postings of
   * each term looked up so far (see {@link #docsOf}). Made once per index, so hits need no lookups
   * in Lucene.
   */
  record Searchable(
      FaqEntry[] entries,
      Vocabulary vocabulary,
      byte[] kinds,
      int first,
      String termsField,
      Map<Integer, int[]> docsByTerm) {
    EntryTerms terms(int ordinal) {
      return vocabulary.entryTerms(ordinal - first);
    }
  }

  /** Per thread: what the bounds of one message's candidates are added up in. */
  private final CloseableThreadLocal<Candidates.Scratch> scratch =
      new CloseableThreadLocal<>() {
        @Override
        protected Candidates.Scratch initialValue() {
          return new Candidates.Scratch(scratchSize);
        }
      };

  /**
   * The postings of the term {@code id} in the language's field of all terms: for each live
   * document, its ordinal times two, plus one when a phrasing of its entry uses the term. This
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
