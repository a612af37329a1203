package no.faqbot.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Typo correction: the known terms of a vocabulary close to a word it does not know. */
final class CloseTerms {
  private final Map<Integer, List<String>> byLength = new HashMap<>();
  private final Map<String, List<String>> closeCache = new ConcurrentHashMap<>();

  CloseTerms(String[] known) {
    for (String t : known) {
      byLength.computeIfAbsent(t.length(), k -> new ArrayList<>()).add(t);
    }
  }

  /**
   * Known terms within a small edit distance of an unknown one: one edit for short words, two for
   * long ones, and the first letter must match for two (typos rarely start a word).
   */
  List<String> of(String term) {
    List<String> cached = closeCache.get(term);
    if (cached != null) {
      return cached;
    }
    List<String> close = List.copyOf(findCloseTerms(term));
    if (closeCache.size() > MAX_CACHED) {
      closeCache.clear(); // bounded: typos are endless, memory is not
    }
    closeCache.put(term, close);
    return close;
  }

  private static final int MAX_CACHED = 20_000;

  private List<String> findCloseTerms(String term) {
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
}
