package no.faqbot.search;

import java.util.List;

/**
 * An analysed message ready to search: each term with its weight (rarer terms count more) and the
 * variants that may stand for it (synonyms, typo corrections).
 */
record QueryPlan(String lang, List<QueryTerm> terms) {
  QueryPlan {
    terms = List.copyOf(terms);
  }

  /** One term of the message. */
  record QueryTerm(String term, double weight, List<Variant> variants) {
    QueryTerm {
      variants = List.copyOf(variants);
    }
  }

  /** A term that may stand for a query term, and how much a match on it is worth (1 = exact). */
  record Variant(String term, double worth) {}

  boolean isEmpty() {
    return terms.isEmpty();
  }
}
