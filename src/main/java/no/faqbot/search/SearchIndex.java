package no.faqbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.content.Languages;
import no.faqbot.search.QueryPlan.QueryTerm;
import no.faqbot.search.QueryPlan.Variant;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * One content snapshot with its open Lucene index: immutable, shared by all requests until a
 * reload replaces it. Reference-counted so a search in flight finishes on the index it started on.
 */
public final class SearchIndex implements AutoCloseable {
  /** Lucene ranks by how merchants ask (question and alternatives); coverage also reads the answer. */
  private static final String FIELD = IndexFields.QUESTION;
  /** A term found only in the answer text explains the message less than one in the question. */
  private static final double BODY_MATCH_WORTH = 0.75;
  /** A term from another phrasing of the same entry: related wording, weaker evidence. */
  private static final double OTHER_PHRASING_WORTH = 0.6;
  private static final int CANDIDATES = 5;
  /** In the fit of a phrasing, how much counts how much of the phrasing the message uses. */
  private static final double PRECISION_SHARE = 0.3;
  /** Each term looked up costs a dictionary seek; coverage still sees every variant. */
  private static final int MAX_QUERY_VARIANTS = 3;
  /** Not in any vocabulary: weighs like a term only one entry uses, the unit of evidence. */
  private static final String RARE_TERM = "\u0000";

  private final ContentSnapshot content;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  /** Entry id of each Lucene document, read once so hits need no stored-field decompression. */
  private final String[] idByDoc;
  private final Map<String, Vocabulary> vocabularies = new HashMap<>();
  private final Map<String, QueryPlanner> planners = new HashMap<>();
  /** What each language searches, by id: its entries, untranslated ones, flow triggers. */
  private final Map<String, Map<String, FaqEntry>> entriesByLang = new HashMap<>();
  private final IndexStore.Outcome outcome;
  private final AtomicInteger refs = new AtomicInteger(1);

  public SearchIndex(ContentSnapshot content, IndexStore.Opened opened, TextAnalysis analysis) {
    this.content = content;
    this.reader = opened.reader();
    this.outcome = opened.outcome();
    this.searcher = new IndexSearcher(reader);
    // Every message is a different query: caching them only costs hashing big queries.
    this.searcher.setQueryCache(null);
    this.idByDoc = idsByDoc(reader);
    for (String lang : Languages.ALL) {
      List<FaqEntry> searchable = content.searchable(lang);
      Map<String, FaqEntry> byId = new HashMap<>();
      searchable.forEach(e -> byId.put(e.id(), e));
      entriesByLang.put(lang, byId);
      Vocabulary vocabulary = new Vocabulary(searchable, lang, analysis);
      vocabularies.put(lang, vocabulary);
      planners.put(lang, new QueryPlanner(lang, analysis, vocabulary,
          new SynonymExpander(content.synonyms(lang), lang, analysis)));
    }
  }

  public ContentSnapshot content() {
    return content;
  }

  public IndexStore.Outcome outcome() {
    return outcome;
  }

  /**
   * Entries of {@code lang} matching {@code message}, best first, at most {@code limit}; only hits
   * that explain some of the message. {@code section} filters when not null.
   */
  public List<SearchHit> search(String message, String lang, int limit, String section) {
    return search(message, lang, limit, section, false);
  }

  /** The analysed terms (and their variants) a message searches for, to highlight them. */
  public java.util.Set<String> searchTerms(String message, String lang) {
    QueryPlanner planner = planners.get(lang);
    java.util.Set<String> terms = new java.util.HashSet<>();
    if (planner != null) {
      planner.plan(message).terms().forEach(t -> {
        terms.add(t.term());
        t.variants().forEach(v -> terms.add(v.term()));
      });
    }
    return terms;
  }

  /** Questions for what is being typed: the last word may be unfinished. Flows are left out. */
  public List<SearchHit> suggest(String typed, String lang, int limit) {
    boolean unfinished = !typed.isEmpty() && !Character.isWhitespace(typed.charAt(typed.length() - 1));
    return search(typed, lang, limit + 2, null, unfinished).stream()
        .filter(h -> !h.entry().isFlowTrigger())
        .limit(limit)
        .toList();
  }

  private List<SearchHit> search(String message, String lang, int limit, String section, boolean lastIsPrefix) {
    QueryPlanner planner = planners.get(lang);
    if (planner == null) {
      throw new IllegalArgumentException("unsupported language '" + lang + "'");
    }
    QueryPlan plan = planner.plan(message, lastIsPrefix);
    if (plan.terms().stream().allMatch(t -> t.variants().isEmpty())) {
      return List.of(); // nothing in the message is known to the content
    }
    Vocabulary vocabulary = vocabularies.get(lang);
    Map<String, FaqEntry> byId = entriesByLang.get(lang);
    List<String> matched = matchingIds(query(plan, section));
    if (matched.isEmpty()) {
      return List.of();
    }
    // Rank the matches by a cheap upper bound of their coverage, then score the best few fully.
    List<Candidate> candidates = new ArrayList<>(matched.size());
    for (String id : matched) {
      candidates.add(new Candidate(id, upperBound(plan, vocabulary, id)));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::bound).reversed());
    BitSet queryIds = new BitSet();
    plan.terms().forEach(t -> t.variants().forEach(v -> queryIds.set(v.id())));
    List<SearchHit> hits = new ArrayList<>();
    for (Candidate c : candidates.subList(0, Math.min(candidates.size(), Math.max(CANDIDATES, limit)))) {
      FaqEntry entry = byId.get(c.id());
      if (entry == null) {
        continue;
      }
      double[] cov = coverage(plan, vocabulary, c.id(), queryIds);
      double coverage = cov[1] == 0 ? 0 : cov[0] / cov[1];
      if (coverage <= 0) {
        continue;
      }
      double evidence = cov[0] / vocabulary.idf(RARE_TERM);
      hits.add(new SearchHit(entry, cov[2], coverage, evidence, c.bound()));
    }
    // Best fit first; on a tie a flow wins: a described problem is better met by guided help.
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
        .thenComparing(h -> h.entry().flow() == null));
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  private record Candidate(String id, double bound) {}

  /**
   * Ids of the entries the query matches at all. Lucene only filters here: skipping its scoring
   * makes the search several times cheaper, and the ranking is ours anyway.
   */
  private List<String> matchingIds(Query query) {
    List<String> ids = new ArrayList<>();
    try {
      searcher.search(query, new SimpleCollector() {
        private int base;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
          base = context.docBase;
        }

        @Override
        public void collect(int doc) {
          ids.add(idByDoc[base + doc]);
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE_NO_SCORES;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("searching the index failed", e);
    }
    return ids;
  }

  /** Coverage if every matched term were in the best phrasing: never less than the real one. */
  private static double upperBound(QueryPlan plan, Vocabulary vocabulary, String entryId) {
    Vocabulary.EntryTerms terms = vocabulary.entryTerms(entryId);
    double total = 0;
    double matched = 0;
    for (QueryTerm qt : plan.terms()) {
      total += qt.weight();
      double best = 0;
      for (Variant v : qt.variants()) {
        double worth = terms.anyPhrasing().get(v.id()) ? 1.0 : terms.body().get(v.id()) ? BODY_MATCH_WORTH : 0;
        best = Math.max(best, worth * v.worth());
      }
      matched += best * qt.weight();
    }
    return total == 0 ? 0 : matched / total;
  }

  private static String[] idsByDoc(DirectoryReader reader) {
    try {
      String[] ids = new String[reader.maxDoc()];
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < ids.length; doc++) {
        ids[doc] = stored.document(doc, Set.of(IndexFields.ID)).get(IndexFields.ID);
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("reading entry ids from the index failed", e);
    }
  }

  private static Query query(QueryPlan plan, String section) {
    String lang = plan.lang();
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    for (QueryTerm qt : plan.terms()) {
      if (qt.variants().isEmpty()) {
        continue;
      }
      top.add(new BoostQuery(fieldQuery(IndexFields.field(FIELD, lang), qt), (float) qt.weight()), BooleanClause.Occur.SHOULD);
    }
    // Redundant with the per-language fields, but it keeps Lucene on its conjunction path: a bare
    // disjunction gets the bulk scorer, which allocates about 150 KB of buckets per query.
    top.add(new TermQuery(new Term(IndexFields.LANG, lang)), BooleanClause.Occur.FILTER);
    if (section != null) {
      top.add(new TermQuery(new Term(IndexFields.SECTION, section)), BooleanClause.Occur.FILTER);
    }
    return top.build();
  }

  /** All variants of a term in one field score as one term (Lucene's synonym query), by their worth. */
  private static Query fieldQuery(String field, QueryTerm qt) {
    SynonymQuery.Builder variants = new SynonymQuery.Builder(field);
    List<Variant> best = qt.variants().size() <= MAX_QUERY_VARIANTS ? qt.variants()
        : qt.variants().stream().sorted((a, b) -> Double.compare(b.worth(), a.worth())).limit(MAX_QUERY_VARIANTS).toList();
    for (Variant v : best) {
      variants.addTerm(new Term(field, v.term()), (float) v.worth());
    }
    return variants.build();
  }

  /**
   * The message's weight that the entry accounts for, and the message's whole weight. Measured
   * against the entry's best-fitting phrasing (its question or one alternative): a term in that
   * phrasing counts fully, one only in the answer, tags or another phrasing counts less. Taking
   * the union of all phrasings instead would let long lists of alternatives match anything.
   */
  private static double[] coverage(QueryPlan plan, Vocabulary vocabulary, String entryId, BitSet queryIds) {
    Vocabulary.EntryTerms terms = vocabulary.entryTerms(entryId);
    double total = 0;
    for (QueryTerm qt : plan.terms()) {
      total += qt.weight();
    }
    double best = 0;
    double bestFit = 0;
    for (BitSet phrasing : terms.phrasings()) {
      double matched = 0;
      for (QueryTerm qt : plan.terms()) {
        double termBest = 0;
        for (Variant v : qt.variants()) {
          int id = v.id();
          double worth = phrasing.get(id) ? 1.0
              : terms.body().get(id) ? BODY_MATCH_WORTH
              : terms.anyPhrasing().get(id) ? OTHER_PHRASING_WORTH : 0;
          termBest = Math.max(termBest, worth * v.worth());
        }
        matched += termBest * qt.weight();
      }
      best = Math.max(best, matched);
      // How much of this phrasing the message uses: a phrasing mostly made of the message's words
      // is a closer fit than a long one that happens to contain them.
      int shared = 0;
      for (int id = queryIds.nextSetBit(0); id >= 0; id = queryIds.nextSetBit(id + 1)) {
        if (phrasing.get(id)) {
          shared++;
        }
      }
      int size = phrasing.cardinality();
      double precision = size == 0 ? 0 : (double) shared / size;
      double fit = total == 0 ? 0 : (1 - PRECISION_SHARE) * matched / total + PRECISION_SHARE * precision;
      bestFit = Math.max(bestFit, fit);
    }
    return new double[] {best, total, bestFit};
  }


  /** Takes a reference; false when the index is already closed (a reload swapped it out). */
  boolean tryAcquire() {
    int n;
    do {
      n = refs.get();
      if (n <= 0) {
        return false;
      }
    } while (!refs.compareAndSet(n, n + 1));
    return true;
  }

  /** Gives a reference back; the last one closes the reader. */
  void release() {
    if (refs.decrementAndGet() == 0) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // nothing is reading it any more
      }
    }
  }

  @Override
  public void close() {
    release();
  }
}
