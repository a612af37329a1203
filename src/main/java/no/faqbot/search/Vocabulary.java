package no.faqbot.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import no.faqbot.content.FaqEntry;
import org.apache.lucene.util.BytesRef;

/**
 * The analysed terms of one language's entries: which terms each entry uses where, and how many
 * entries use each term. Drives typo correction, compound splitting and answer confidence.
 */
final class Vocabulary {
  private final Map<String, Integer> docFreq = new HashMap<>();
  private final Map<String, Integer> termIds = new HashMap<>();
  private final Map<String, EntryTerms> entryTerms = new HashMap<>();
  private final Map<Integer, List<String>> byLength = new HashMap<>();
  private final TreeSet<String> sorted = new TreeSet<>();
  private final Map<String, List<String>> closeCache = new ConcurrentHashMap<>();

  /** Same-stem variants of every known term, worked out once: every message asks for them. */
  private final Map<String, List<String>> sameStemOfKnown = new HashMap<>();

  private final int entryCount;

  /** Each term as the index stores it (UTF-8), by id, to look it up without encoding it again. */
  private final BytesRef[] bytesById;

  /** How many entries use each term, by id. */
  private final int[] docFreqById;

  /**
   * Where one entry uses which terms, as bit sets over term ids: each phrasing (question or
   * alternative) on its own with its number of distinct terms, all phrasings together, the answer
   * with tags and section, and each sentence of the answer with its number of distinct terms.
   */
  record EntryTerms(
      BitSet[] phrasings,
      int[] phrasingSizes,
      QuestionWord[] asks,
      BitSet anyPhrasing,
      BitSet body,
      BitSet[] sentences,
      int[] sentenceSizes) {}

  Vocabulary(Collection<FaqEntry> entries, String lang, TextAnalysis analysis) {
    Map<String, List<List<String>>> phrasingTerms = new HashMap<>();
    Map<String, QuestionWord[]> asks = new HashMap<>();
    Map<String, List<String>> bodyTerms = new HashMap<>();
    Map<String, List<List<String>>> sentenceTerms = new HashMap<>();
    for (FaqEntry e : entries) {
      List<List<String>> phrasings = new ArrayList<>();
      phrasings.add(analysis.terms(lang, e.question()));
      for (String alt : e.alternatives()) {
        phrasings.add(analysis.terms(lang, alt));
      }
      List<String> body = new ArrayList<>(analysis.terms(lang, e.answerText()));
      body.addAll(analysis.terms(lang, e.section()));
      body.addAll(analysis.terms(lang, String.join(" ", e.tags())));
      phrasingTerms.put(e.id(), phrasings);
      List<List<String>> sentences = new ArrayList<>();
      for (String sentence : AnswerSentences.split(e.answerText())) {
        List<String> terms = analysis.terms(lang, sentence);
        if (terms.size() >= AnswerSentences.MIN_TERMS) {
          sentences.add(terms);
        }
      }
      sentenceTerms.put(e.id(), sentences);
      QuestionWord[] kinds = new QuestionWord[phrasings.size()];
      kinds[0] = QuestionWord.of(e.question());
      for (int i = 1; i < kinds.length; i++) {
        kinds[i] = QuestionWord.of(e.alternatives().get(i - 1));
      }
      asks.put(e.id(), kinds);
      bodyTerms.put(e.id(), body);
      Set<String> all = new HashSet<>(body);
      phrasings.forEach(all::addAll);
      for (String t : all) {
        docFreq.merge(t, 1, Integer::sum);
      }
    }
    sorted.addAll(docFreq.keySet());
    bytesById = new BytesRef[sorted.size()];
    docFreqById = new int[sorted.size()];
    for (String t : sorted) {
      docFreqById[termIds.size()] = docFreq.get(t);
      bytesById[termIds.size()] = new BytesRef(t);
      termIds.put(t, termIds.size());
      byLength.computeIfAbsent(t.length(), k -> new ArrayList<>()).add(t);
    }
    for (Map.Entry<String, List<List<String>>> e : phrasingTerms.entrySet()) {
      BitSet[] phrasings = e.getValue().stream().map(this::bits).toArray(BitSet[]::new);
      BitSet any = new BitSet();
      int[] sizes = new int[phrasings.length];
      for (int i = 0; i < phrasings.length; i++) {
        any.or(phrasings[i]);
        sizes[i] = phrasings[i].cardinality();
      }
      BitSet[] sentences =
          sentenceTerms.get(e.getKey()).stream().map(this::bits).toArray(BitSet[]::new);
      int[] sentenceSizes = new int[sentences.length];
      for (int i = 0; i < sentences.length; i++) {
        sentenceSizes[i] = sentences[i].cardinality();
      }
      entryTerms.put(
          e.getKey(),
          new EntryTerms(
              phrasings,
              sizes,
              asks.get(e.getKey()),
              any,
              bits(bodyTerms.get(e.getKey())),
              sentences,
              sentenceSizes));
    }
    for (String t : sorted) {
      sameStemOfKnown.put(t, findSameStem(t));
    }
    this.entryCount = Math.max(entries.size(), 1);
  }

  private BitSet bits(List<String> terms) {
    // Sized by the terms set, not the whole vocabulary: a phrasing uses a handful of a large
    // knowledge base's terms, and a bit set per phrasing sized to all of them ran out of heap.
    BitSet bits = new BitSet();
    for (String t : terms) {
      bits.set(termIds.get(t));
    }
    return bits;
  }

  /** The id of a known term, or -1. */
  int id(String term) {
    Integer id = termIds.get(term);
    return id == null ? -1 : id;
  }

  /** How many entries use the known term with this id. */
  int docFreq(int id) {
    return docFreqById[id];
  }

  /** How many entries the vocabulary was built from (at least 1). */
  int entryCount() {
    return entryCount;
  }

  /** The known term with this id in the index's encoding; callers must not change it. */
  BytesRef bytes(int id) {
    return bytesById[id];
  }

  EntryTerms entryTerms(String entryId) {
    return entryTerms.get(entryId);
  }

  /** Known terms that start with {@code prefix} (at least two letters), shortest first. */
  List<String> completions(String prefix, int max) {
    if (prefix.length() < 2) {
      return List.of();
    }
    return sorted.subSet(prefix, prefix + Character.MAX_VALUE).stream()
        .filter(t -> !t.equals(prefix))
        .sorted(java.util.Comparator.comparingInt(String::length))
        .limit(max)
        .toList();
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
   * Known terms that are the same word with another ending the light stemmer left on ({@code
   * oppgrad} / {@code oppgradering}): a shared stem of at least five letters that each term extends
   * by at most five more.
   */
  List<String> sameStem(String term) {
    List<String> known = sameStemOfKnown.get(term);
    return known != null ? known : findSameStem(term);
  }

  private List<String> findSameStem(String term) {
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
      if (common >= 5
          && term.length() - common <= MAX_ENDING
          && candidate.length() - common <= MAX_ENDING) {
        out.add(candidate);
      }
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
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

  /**
   * Known terms within a small edit distance of an unknown one: one edit for short words, two for
   * long ones, and the first letter must match for two (typos rarely start a word).
   */
  List<String> closeTerms(String term) {
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

  /**
   * Splits an unknown compound into two known terms ({@code utbetalingsrapport} to utbetaling +
   * rapport).
   */
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
      if ((last == 's' || last == 'e')
          && head.length() > 3
          && contains(head.substring(0, head.length() - 1))) {
        return List.of(head.substring(0, head.length() - 1), tail);
      }
    }
    return List.of();
  }
}
