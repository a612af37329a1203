package no.faqbot.search;

import java.util.List;

/**
 * An analysed message ready to search: each term with its weight (rarer terms count more) and the
 * variants that may stand for it (synonyms, typo corrections); and what kind of question it asks.
 */
record QueryPlan(String lang, List<QueryTerm> terms, QuestionWord asks) {
  QueryPlan {
    terms = List.copyOf(terms);
  }

  /** One term of the message. */
  record QueryTerm(String term, double weight, List<Variant> variants) {
    /** Unknown terms have no variants: they count against coverage and match nothing. */
    QueryTerm {
      variants = List.copyOf(variants);
    }
  }

  /**
   * A known term that may stand for a query term, its id in the vocabulary, and how much a match on
   * it is worth (1 = exact).
   */
  record Variant(String term, int id, double worth) {}
}
