package no.faqbot.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import no.faqbot.content.FaqEntry;

/**
 * One language's side of a {@link SearchIndex}: its entries, vocabulary and planner, and how a
 * message's plan finds its candidates among them (the postings of its terms, gathered with their
 * bounds by {@link CandidateGatherer}).
 */
final class LanguageSearch {
  /** Not in any vocabulary: weighs like a term only one entry uses, the unit of evidence. */
  private static final String RARE_TERM = "\u0000";

  private final Searchable docs;
  private final Vocabulary vocabulary;
  private final QueryPlanner planner;
  private final double rareTermIdf;
  private final Postings postings;
  private final Supplier<CandidateGatherer.Scratch> scratch;

  /** How many ordinals lie between this language's first entry and its last. */
  private final int width;

  /**
   * {@code lang}'s side of {@code analysed}; its candidates are read from {@code postings} and
   * added up in the thread's {@code scratch}.
   */
  LanguageSearch(
      AnalysedContent analysed,
      String lang,
      Postings postings,
      Supplier<CandidateGatherer.Scratch> scratch) {
    this.vocabulary = analysed.vocabulary(lang);
    this.postings = postings;
    this.scratch = scratch;
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
    this.width = last - first + 1;
    this.docs =
        new Searchable(
            entries,
            vocabulary,
            kinds,
            Math.max(first, 0),
            IndexFields.field(IndexFields.TERMS, lang),
            new ConcurrentHashMap<>());
    this.rareTermIdf = vocabulary.idf(RARE_TERM);
    TextAnalysis analysis = analysed.analysis();
    this.planner =
        new QueryPlanner(
            lang,
            analysis,
            vocabulary,
            new SynonymExpander(analysed.content().synonyms(lang), lang, analysis));
  }

  int width() {
    return width;
  }

  /** The plan of {@code message}; with {@code lastIsPrefix} its last word is still being typed. */
  QueryPlan plan(String message, boolean lastIsPrefix) {
    return planner.plan(message, lastIsPrefix);
  }

  /** The hits of {@code plan} that pass {@code filter}, best first, at most {@code limit}. */
  List<SearchHit> search(QueryPlan plan, int limit, Predicate<FaqEntry> filter) {
    return candidates(plan, Candidates.KEPT).best(limit, filter, Candidates.ANY);
  }

  /** The candidates of {@code plan}, the best {@code keep} plain entries among them kept. */
  Candidates candidates(QueryPlan plan, int keep) {
    if (!anyVariant(plan)) {
      return Candidates.NONE; // nothing in it is known to the content
    }
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
        rareTermIdf,
        () -> candidates(plan, Integer.MAX_VALUE));
  }

  /** The analysed terms (and their variants) {@code message} searches for. */
  Set<String> searchTerms(String message) {
    Set<String> terms = new HashSet<>();
    for (QueryPlan.QueryTerm t : planner.plan(message).terms()) {
      terms.add(t.term());
      t.variants().forEach(v -> terms.add(v.term()));
    }
    return terms;
  }

  /** For tests: the bound of the entry with this ordinal by its definition. */
  double definedBound(String message, int ordinal) {
    return new Coverage(plan(message, false)).upperBound(docs.terms(ordinal));
  }

  /** For tests: whether the entry with this ordinal is searched in this language. */
  boolean searches(int ordinal) {
    return docs.entries()[ordinal] != null;
  }

  private static boolean anyVariant(QueryPlan plan) {
    for (QueryPlan.QueryTerm t : plan.terms()) {
      if (!t.variants().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
