package no.faqbot.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.faqbot.content.FaqEntry;

/**
 * The analysed terms of one language's entries: which terms each entry uses where, and how many
 * entries use each term. Drives typo correction, compound splitting and answer confidence.
 */
final class Vocabulary {
  private final Map<String, Integer> docFreq = new HashMap<>();
  private final Map<String, Set<String>> questionTerms = new HashMap<>();
  private final Map<String, Set<String>> bodyTerms = new HashMap<>();
  private final Map<String, List<Set<String>>> phrasings = new HashMap<>();
  private final Map<Integer, List<String>> byLength = new HashMap<>();
  private final TreeSet<String> sorted = new TreeSet<>();
  private final int entryCount;

  Vocabulary(Collection<FaqEntry> entries, String lang, TextAnalysis analysis) {
    for (FaqEntry e : entries) {
      List<Set<String>> phrasings = new ArrayList<>();
      phrasings.add(new HashSet<>(analysis.terms(lang, e.question())));
      for (String alt : e.alternatives()) {
        phrasings.add(new HashSet<>(analysis.terms(lang, alt)));
      }
      Set<String> q = new HashSet<>();
      phrasings.forEach(q::addAll);
      Set<String> b = new HashSet<>(analysis.terms(lang, e.answerText()));
      b.addAll(analysis.terms(lang, e.section()));
      b.addAll(analysis.terms(lang, String.join(" ", e.tags())));
      questionTerms.put(e.id(), q);
      this.phrasings.put(e.id(), List.copyOf(phrasings));
      bodyTerms.put(e.id(), b);
      Set<String> all = new HashSet<>(q);
      all.addAll(b);
      for (String t : all) {
        docFreq.merge(t, 1, Integer::sum);
      }
    }
    sorted.addAll(docFreq.keySet());
    for (String t : docFreq.keySet()) {
      byLength.computeIfAbsent(t.length(), k -> new ArrayList<>()).add(t);
    }
    this.entryCount = Math.max(entries.size(), 1);
  }

  boolean contains(String term) {
    return docFreq.containsKey(term);
  }

  /**
   * BM25-style inverse document frequency. A term no entry uses weighs like one used once: it is
   * often just a word the editors happened not to use, so it must not outweigh the known ones.
   */
  double idf(String term) {
    int df = Math.max(docFreq.getOrDefault(term, 0), 1);
    return Math.log(1 + (entryCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Known terms that are the same word with another ending the light stemmer left on
   * ({@code oppgrad} / {@code oppgradering}): a shared stem of at least five letters that each
   * term extends by at most five more.
   */
  List<String> sameStem(String term) {
    if (term.length() < 5) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    String prefix = term.substring(0, 5);
    for (String candidate : sorted.subSet(prefix, prefix + Character.MAX_VALUE)) {
      if (candidate.equals(term)) {
        continue;
      }
      int common = commonPrefix(term, candidate);
      if (common >= 5 && term.length() - common <= MAX_ENDING && candidate.length() - common <= MAX_ENDING) {
        out.add(candidate);
      }
    }
    return out;
  }

  private static final int MAX_ENDING = 5;

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  Set<String> questionTerms(String entryId) {
    return questionTerms.getOrDefault(entryId, Set.of());
  }

  /** The terms of the question and of each alternative, one set per phrasing. */
  List<Set<String>> phrasings(String entryId) {
    return phrasings.getOrDefault(entryId, List.of());
  }

  Set<String> bodyTerms(String entryId) {
    return bodyTerms.getOrDefault(entryId, Set.of());
  }

  /**
   * Known terms within a small edit distance of an unknown one: one edit for short words, two for
   * long ones, and the first letter must match for two (typos rarely start a word).
   */
  List<String> closeTerms(String term) {
    int len = term.length();
    if (len < 4) {
      return List.of();
    }
    int max = len >= 8 ? 2 : 1;
    List<String> best = new ArrayList<>();
    int bestDistance = max + 1;
    for (int l = len - max; l <= len + max; l++) {
      for (String candidate : byLength.getOrDefault(l, List.of())) {
        int d = EditDistance.within(term, candidate, max);
        if (d > max || (d == 2 && candidate.charAt(0) != term.charAt(0))) {
          continue;
        }
        if (d < bestDistance) {
          best.clear();
          bestDistance = d;
        }
        if (d == bestDistance) {
          best.add(candidate);
        }
      }
    }
    return best.size() > 4 ? best.subList(0, 4) : best;
  }

  /** Splits an unknown compound into two known terms ({@code utbetalingsrapport} to utbetaling + rapport). */
  List<String> compoundParts(String term) {
    for (int i = term.length() - 3; i >= 3; i--) {
      String head = term.substring(0, i);
      String tail = term.substring(i);
      if (!contains(tail)) {
        continue;
      }
      if (contains(head)) {
        return List.of(head, tail);
      }
      char last = head.charAt(head.length() - 1);
      if ((last == 's' || last == 'e') && head.length() > 3 && contains(head.substring(0, head.length() - 1))) {
        return List.of(head.substring(0, head.length() - 1), tail);
      }
    }
    return List.of();
  }
}
