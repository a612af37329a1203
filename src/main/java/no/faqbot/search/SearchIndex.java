package no.faqbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
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

  /** Where the entries using a term are read from. */
  private final Postings postings;

  /** A plainer ranking of the whole message, for the reply model to weigh against this one. */
  private final SecondOpinion secondOpinion;

  public SearchIndex(AnalysedContent analysed, OpenedIndex opened) {
    this.content = analysed.content();
    this.reader = opened.reader();
    this.outcome = opened.outcome();
    postings = new Postings(reader);
    List<FaqEntry> all = new java.util.ArrayList<>(analysed.size());
    for (int ordinal = 0; ordinal < analysed.size(); ordinal++) {
      all.add(analysed.entry(ordinal));
    }
    secondOpinion = SecondOpinion.of(all);
    IndexReader.CacheHelper closing = reader.getReaderCacheHelper();
    if (closing != null) {
      closing.addClosedListener( // once, when the last reference is gone
          key -> {
            postings.close();
            secondOpinion.close();
            scratch.close();
            if (opened.kept() != null) {
              opened.kept().close();
            }
          });
    }
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

  /** What a plainer ranking of the whole {@code message} says (see {@link SecondOpinion}). */
  public SecondOpinion.Verdict secondOpinion(String message) {
    return secondOpinion.of(message);
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
  public PlannedMessage planned(String message, String lang) {
    QueryPlan plan = plan(message, lang, false);
    return new PlannedMessage(plan, () -> candidatesFor(plan, lang));
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
    int[][] found = new int[ids.length][];
    for (int k = 0; k < ids.length; k++) {
      found[k] = postings.docsOf(docs, vocabulary, ids[k]);
    }
    return CandidateGatherer.gather(
        docs,
        coverage,
        found,
        CandidateGatherer.picks(ids, vocabulary),
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
    return postings.ordinalCount();
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

  /** Per thread: what the bounds of one message's candidates are added up in. */
  private final CloseableThreadLocal<CandidateGatherer.Scratch> scratch =
      new CloseableThreadLocal<>() {
        @Override
        protected CandidateGatherer.Scratch initialValue() {
          return new CandidateGatherer.Scratch(scratchSize);
        }
      };

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
