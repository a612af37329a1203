package no.faqbot.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import no.faqbot.content.Synonyms;

/** Editors' synonym groups in analysed form, applied to a message's terms at query time. */
final class SynonymExpander {
  private final List<List<List<String>>> groups = new ArrayList<>();

  /** Members by their first term, so a message is only compared with members that can match. */
  private final Map<String, List<Member>> byFirstTerm = new java.util.HashMap<>();

  private record Member(List<String> terms, Group group) {}

  /**
   * One group's phrases and, for the {@code idf} last asked with, each phrase's most specific term:
   * a planner always asks with the same function, so they are worked out once, not per message.
   */
  private static final class Group {
    final List<List<String>> phrases;
    private volatile Specific specific;

    Group(List<List<String>> phrases) {
      this.phrases = phrases;
    }

    String[] mostSpecific(ToDoubleFunction<String> idf) {
      Specific known = specific;
      if (known == null || known.idf() != idf) {
        String[] terms = new String[phrases.size()];
        for (int i = 0; i < terms.length; i++) {
          terms[i] = SynonymExpander.mostSpecific(phrases.get(i), idf);
        }
        known = new Specific(idf, terms);
        specific = known;
      }
      return known.terms();
    }
  }

  private record Specific(ToDoubleFunction<String> idf, String[] terms) {}

  SynonymExpander(Synonyms synonyms, String lang, TextAnalysis analysis) {
    for (List<String> group : synonyms.groups()) {
      List<List<String>> analysed = new ArrayList<>();
      for (String phrase : group) {
        List<String> terms = analysis.terms(lang, phrase);
        if (!terms.isEmpty()) {
          analysed.add(terms);
        }
      }
      if (analysed.size() > 1) {
        groups.add(analysed);
        Group shared = new Group(analysed);
        for (List<String> member : analysed) {
          byFirstTerm
              .computeIfAbsent(member.get(0), k -> new ArrayList<>())
              .add(new Member(member, shared));
        }
      }
    }
  }

  /** Whether {@code term} alone is a phrase of some group: a compound editors listed whole. */
  boolean isPhrase(String term) {
    for (Member member : byFirstTerm.getOrDefault(term, List.of())) {
      if (member.terms().size() == 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * For each position of {@code terms}, the terms its synonyms contribute. A phrase of several
   * words stands in by its most specific word only (by {@code idf}): "old checkout" for "kco v2"
   * adds "v2", not "klarna" and "checkout", which would match half the knowledge base.
   */
  void expand(List<String> terms, Map<Integer, List<String>> out, ToDoubleFunction<String> idf) {
    for (int start = 0; start < terms.size(); start++) {
      for (Member member : byFirstTerm.getOrDefault(terms.get(start), List.of())) {
        if (!startsAt(terms, member.terms(), start)) {
          continue;
        }
        List<List<String>> phrases = member.group().phrases;
        String[] specifics = member.group().mostSpecific(idf);
        for (int o = 0; o < specifics.length; o++) {
          if (phrases.get(o) == member.terms()) {
            continue;
          }
          String specific = specifics[o];
          for (int p = start; p < start + member.terms().size(); p++) {
            List<String> list = out.computeIfAbsent(p, k -> new ArrayList<>());
            if (!list.contains(specific)) {
              list.add(specific);
            }
          }
        }
      }
    }
  }

  /** The term of {@code phrase} with the highest {@code idf}; the first of equals. */
  private static String mostSpecific(List<String> phrase, ToDoubleFunction<String> idf) {
    String best = phrase.get(0);
    double bestIdf = idf.applyAsDouble(best);
    for (int i = 1; i < phrase.size(); i++) {
      double value = idf.applyAsDouble(phrase.get(i));
      if (Double.compare(value, bestIdf) > 0) {
        best = phrase.get(i);
        bestIdf = value;
      }
    }
    return best;
  }

  /** Whether {@code member}'s terms are those of {@code terms} from {@code start} on. */
  private static boolean startsAt(List<String> terms, List<String> member, int start) {
    if (start + member.size() > terms.size()) {
      return false;
    }
    for (int j = 0; j < member.size(); j++) {
      if (!terms.get(start + j).equals(member.get(j))) {
        return false;
      }
    }
    return true;
  }
}
