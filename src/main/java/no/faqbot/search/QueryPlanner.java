package no.faqbot.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import no.faqbot.search.QueryPlan.QueryTerm;
import no.faqbot.search.QueryPlan.Variant;

/**
 * Turns a merchant's message into a {@link QueryPlan}: analysis, synonyms, compound splitting and
 * typo correction. Corrections are only tried for terms the content does not know, so a fuzzy match
 * never drowns an exact one.
 */
final class QueryPlanner {
  static final double SYNONYM_WORTH = 0.9;
  static final double TYPO_WORTH = 0.8;
  static final double STEM_WORTH = 0.85;
  static final double COMPLETION_WORTH = 0.9;
  private static final int MAX_COMPLETIONS = 8;

  /**
   * Term weights are idf to this power: flatter than raw idf, so one rare but generic word ("away",
   * "legge") cannot outweigh the rest of the message on a small knowledge base.
   */
  static final double IDF_POWER = 0.75;

  private static final int MAX_TERMS = 40;

  private final String lang;
  private final TextAnalysis analysis;
  private final Vocabulary vocabulary;
  private final SynonymExpander synonyms;
  private final KindNames kinds;

  /** Words (and neighbours' spellings of them) already analysed: whether the content knows them. */
  private final WordMemo<String, Boolean> knownWords = new WordMemo<>(MAX_CACHED_WORDS);

  /** Words already analysed: whether they are another form of a word the content knows. */
  private final WordMemo<String, Boolean> formWords = new WordMemo<>(MAX_CACHED_WORDS);

  /** Words of messages already seen, as bokmål. */
  private final WordMemo<String, String> bokmalWords = new WordMemo<>(MAX_CACHED_WORDS);

  private static final int MAX_CACHED_WORDS = 20_000;

  /** Terms worked out once, by term and synonyms, see {@link #plainTerm}. */
  private final WordMemo<TermKey, QueryTerm> plainTerms = new WordMemo<>(MAX_CACHED_WORDS);

  /** A term and the synonyms its message gave it, as {@link #plainTerms} knows them. */
  private record TermKey(String term, List<String> synonyms) {
    TermKey {
      synonyms = List.copyOf(synonyms); // a kept key must not change
    }
  }

  /**
   * A word the content never uses is the rarest of all: a phrase whose specific word is unknown
   * ("test environment") then stands in by nothing, not by its common word ("test"). One function
   * for every message, so the synonym groups keep what it gave them.
   */
  private final java.util.function.ToDoubleFunction<String> idfOrUnknown;

  QueryPlanner(
      String lang, TextAnalysis analysis, Vocabulary vocabulary, SynonymExpander synonyms) {
    this.lang = lang;
    this.analysis = analysis;
    this.vocabulary = vocabulary;
    this.synonyms = synonyms;
    this.kinds = new KindNames(lang, analysis);
    this.idfOrUnknown =
        term -> vocabulary.contains(term) ? vocabulary.idf(term) : Double.POSITIVE_INFINITY;
  }

  QueryPlan plan(String message) {
    return plan(message, false);
  }

  /**
   * With {@code lastIsPrefix}, the last word is still being typed: it also stands for the known
   * terms it starts ({@code utbet} for utbetaling, utbetalingsrapport ...).
   */
  QueryPlan plan(String message, boolean lastIsPrefix) {
    String text = lang.equals("nb") ? NeighbourSpelling.eachWord(message, this::bokmal) : message;
    List<String> raw = analysis.terms(lang, text);
    List<String> terms = new ArrayList<>();
    for (String t : raw) {
      // A compound a synonym group lists whole stays whole, or that group could never match it.
      if (!vocabulary.contains(t) && !synonyms.isPhrase(t) && vocabulary.closeTerms(t).isEmpty()) {
        List<String> parts = vocabulary.compoundParts(t);
        if (!parts.isEmpty()) {
          terms.addAll(parts);
          continue;
        }
      }
      terms.add(t);
    }
    if (terms.size() > MAX_TERMS) {
      terms = terms.subList(0, MAX_TERMS);
    }
    Map<Integer, List<String>> synonymTerms = new HashMap<>();
    synonyms.expand(terms, synonymTerms, idfOrUnknown);
    List<QueryTerm> out = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < terms.size(); i++) {
      String t = terms.get(i);
      if (!seen.add(t)) {
        continue;
      }
      List<String> synonymsOfT = synonymTerms.getOrDefault(i, List.of());
      boolean completes = lastIsPrefix && i == terms.size() - 1;
      out.add(completes ? queryTerm(t, synonymsOfT, true) : plainTerm(t, synonymsOfT));
    }
    return new QueryPlan(lang, out, QuestionWord.of(text));
  }

  /**
   * A term not being typed, with the synonyms its message gave it: the same for every message that
   * gives it those, so worked out once (its variants cost dictionary lookups, stem and typo
   * searches, and a synonym's same-stem terms as many again).
   */
  private QueryTerm plainTerm(String term, List<String> synonymsOfT) {
    return plainTerms.get(
        new TermKey(term, synonymsOfT), k -> queryTerm(k.term(), k.synonyms(), false));
  }

  /**
   * The term {@code t} with its variants: the synonyms its message gave it, same-stem terms, typo
   * corrections when nothing is known, and with {@code completes} the terms it starts.
   */
  private QueryTerm queryTerm(String t, List<String> synonymsOfT, boolean completes) {
    Map<String, Double> worth = new LinkedHashMap<>();
    worth.put(t, 1.0);
    for (String s : synonymsOfT) {
      worth.putIfAbsent(s, SYNONYM_WORTH);
    }
    for (Map.Entry<String, Double> base : List.copyOf(worth.entrySet())) {
      for (String same : vocabulary.sameStem(base.getKey())) {
        worth.putIfAbsent(same, base.getValue() * STEM_WORTH);
      }
    }
    boolean known = worth.keySet().stream().anyMatch(vocabulary::contains);
    if (!known) {
      // A country's or month's name the content does not know is that, not a typo ("mars" is
      // no misspelt "mark").
      String kind = kinds.kind(t);
      if (kind != null) {
        worth.putIfAbsent(kind, SYNONYM_WORTH);
      } else {
        for (String close : vocabulary.closeTerms(t)) {
          worth.putIfAbsent(close, TYPO_WORTH);
        }
      }
    }
    if (completes) {
      for (String completion : vocabulary.completions(t, MAX_COMPLETIONS)) {
        worth.putIfAbsent(completion, COMPLETION_WORTH);
      }
    }
    List<Variant> variants = new ArrayList<>();
    worth.forEach(
        (term, w) -> {
          int id = vocabulary.id(term);
          if (id >= 0) {
            variants.add(new Variant(term, id, w));
          }
        });
    return new QueryTerm(t, Math.pow(weight(t, variants), IDF_POWER), variants);
  }

  /**
   * A word of the message as bokmål ({@link NeighbourSpelling}): worked out once per word, since a
   * word the content does not know is tried against every spelling correspondence.
   */
  private String bokmal(String word) {
    return bokmalWords.get(
        word, w -> NeighbourSpelling.word(w, this::knows, this::knowsAnotherForm));
  }

  /** Whether the content knows every term of {@code word} (a stop word says nothing either way). */
  private boolean knows(String word) {
    return knownWords.get(
        word, w -> analysis.terms(lang, w).stream().allMatch(vocabulary::contains));
  }

  /**
   * Whether each term of {@code word} is known or begins a known one with at least {@value
   * #MIN_FORM_STEM} letters ({@code utfas} of utfasing): the word is another form of one the
   * content uses.
   */
  private boolean knowsAnotherForm(String word) {
    return formWords.get(
        word,
        w ->
            analysis.terms(lang, w).stream()
                .allMatch(
                    t ->
                        vocabulary.contains(t)
                            || (t.length() >= MIN_FORM_STEM
                                && !vocabulary.completions(t, 1).isEmpty())));
  }

  private static final int MIN_FORM_STEM = 5;

  /** A known term weighs its own idf; an unknown one that of its most common known variant. */
  private double weight(String term, List<Variant> variants) {
    if (vocabulary.contains(term)) {
      return vocabulary.idf(term);
    }
    double weight = -1;
    for (Variant v : variants) {
      double idf = vocabulary.idf(v.term());
      weight = weight < 0 ? idf : Math.min(weight, idf);
    }
    return weight < 0 ? vocabulary.idf(term) : weight;
  }
}
