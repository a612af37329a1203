package no.faqbot.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Terms numbered in the order they are first seen, with how many entries use each. */
final class TermNumbering {
  final Map<String, Integer> numbers = new HashMap<>();
  final List<String> terms = new ArrayList<>();
  int[] docFreq = new int[1024];

  /** The entry that last counted each term, plus one: counts an entry once per term. */
  int[] countedBy = new int[1024];

  int entries;

  /** The numbers of those words that already have one; the others are left out. */
  int[] known(List<String> words) {
    int[] out = new int[words.size()];
    int count = 0;
    for (String w : words) {
      Integer n = numbers.get(w);
      if (n != null) {
        out[count++] = n;
      }
    }
    return Arrays.copyOf(out, count);
  }

  int[] numbers(List<String> words) {
    int[] out = new int[words.size()];
    for (int i = 0; i < out.length; i++) {
      String w = words.get(i);
      Integer n = numbers.get(w);
      if (n == null) {
        n = terms.size();
        numbers.put(w, n);
        terms.add(w);
        if (n == docFreq.length) {
          docFreq = Arrays.copyOf(docFreq, n * 2);
          countedBy = Arrays.copyOf(countedBy, n * 2);
        }
      }
      out[i] = n;
    }
    return out;
  }

  void countEntry(int[][] phrasings, int[] body) {
    entries++;
    for (int[] phrasing : phrasings) {
      count(phrasing);
    }
    count(body);
  }

  private void count(int[] numbers) {
    for (int n : numbers) {
      if (countedBy[n] != entries) {
        countedBy[n] = entries;
        docFreq[n]++;
      }
    }
  }
}
