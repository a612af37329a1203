package no.faqbot.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import no.faqbot.content.FaqEntry;
import org.apache.lucene.util.BytesRef;

/**
 * The analysed terms of one language's entries: which terms each entry uses where, and how many
 * entries use each term. Drives typo correction, compound splitting and answer confidence.
 */
final class Vocabulary {
  private final Map<String, Integer> termIds = new HashMap<>();

  /** The entries, in the order of the list the vocabulary was made from. */
  private final List<FaqEntry> entries;

  /** Each entry's terms, by its place in {@link #entries}. */
  private final EntryTerms.Source entryTerms;

  /** Known terms close to a misspelt one, made from {@link #sorted} once it is known. */
  private CloseTerms typos;

  /**
   * Same-stem variants of known terms, worked out once each when first asked for: every message
   * asks, but working them out for the whole vocabulary up front cost seconds of every start.
   */
  private final Map<String, List<String>> sameStemOfKnown = new ConcurrentHashMap<>();

  private final int entryCount;

  /** Every known term, by id; ids follow the terms' sort order, so this is sorted too. */
  private final String[] sorted;

  /** Each term as the index stores it (UTF-8), by id, to look it up without encoding it again. */
  private final BytesRef[] bytesById;

  /** How many entries use each term, by id. */
  private final int[] docFreqById;

  Vocabulary(Collection<FaqEntry> entries, String lang, TextAnalysis analysis) {
    // Terms get a number when first seen and each text is kept as those numbers: holding every
    // entry's analysed words as strings until the vocabulary is sorted took most of a 1 GB heap.
    TermNumbering seen = new TermNumbering();
    List<String> ids = new ArrayList<>(entries.size());
    List<int[][]> phrasingNumbers = new ArrayList<>(entries.size());
    List<int[]> bodyNumbers = new ArrayList<>(entries.size());
    List<int[][]> sentenceNumbers = new ArrayList<>(entries.size());
    List<QuestionWord[]> asks = new ArrayList<>(entries.size());
    List<FaqEntry> all = List.copyOf(entries);
    for (int from = 0; from < all.size(); from += CHUNK) {
      // Analysis is most of the cost and independent per entry: a chunk at a time on every core,
      // numbered in entry order afterwards, so ids and counts are the same as one by one.
      List<AnalysedEntry> chunk =
          all.subList(from, Math.min(from + CHUNK, all.size())).parallelStream()
              .map(e -> AnalysedEntry.of(e, lang, analysis))
              .toList();
      for (AnalysedEntry e : chunk) {
        int[][] phrasings = new int[e.phrasings().size()][];
        for (int p = 0; p < phrasings.length; p++) {
          phrasings[p] = seen.numbers(e.phrasings().get(p));
        }
        int[] bodyTerms = seen.numbers(e.body());
        seen.countEntry(phrasings, bodyTerms);
        // An answer sentence's terms are the answer's, so they add no term and no count.
        int[][] sentences = new int[e.sentences().size()][];
        for (int s = 0; s < sentences.length; s++) {
          sentences[s] = seen.known(e.sentences().get(s));
        }
        sentenceNumbers.add(sentences);
        ids.add(e.id());
        phrasingNumbers.add(phrasings);
        bodyNumbers.add(bodyTerms);
        asks.add(e.asks());
      }
    }
    sorted = seen.terms.toArray(String[]::new);
    Arrays.sort(sorted);
    docFreqById = new int[sorted.length];
    int[] idOfNumber = new int[sorted.length];
    for (int id = 0; id < sorted.length; id++) {
      int number = seen.numbers.get(sorted[id]);
      idOfNumber[number] = id;
      docFreqById[id] = seen.docFreq[number];
    }
    bytesById = new BytesRef[sorted.length];
    index();
    // Each entry's sets are its own work (sorting its ids): on every core.
    boolean kept = ids.size() <= AnalysisFile.IN_MEMORY_ENTRIES; // as a reused index keeps them
    EntryTerms[] built =
        IntStream.range(0, ids.size())
            .parallel()
            .mapToObj(
                i ->
                    EntryTerms.of(
                        phrasingNumbers.get(i),
                        bodyNumbers.get(i),
                        sentenceNumbers.get(i),
                        asks.get(i),
                        idOfNumber))
            .map(e -> kept ? e.withPlaces() : e)
            .toArray(EntryTerms[]::new);
    this.entries = all;
    this.entryTerms = position -> built[position];
    this.entryCount = Math.max(entries.size(), 1);
  }

  /**
   * A vocabulary as {@link AnalysisFile} kept it: the terms (sorted), how many entries use each,
   * and each entry's terms, of {@code entries} in the order they were analysed in.
   */
  Vocabulary(String[] sorted, int[] docFreq, List<FaqEntry> entries, EntryTerms.Source terms) {
    this.sorted = sorted;
    this.docFreqById = docFreq;
    this.bytesById = new BytesRef[sorted.length];
    this.entries = entries;
    this.entryTerms = terms;
    this.entryCount = Math.max(entries.size(), 1);
    index();
  }

  /** Looks-ups by term, by length and in the index's encoding, from {@link #sorted}. */
  private void index() {
    for (int id = 0; id < sorted.length; id++) {
      String t = sorted[id];
      bytesById[id] = new BytesRef(t);
      termIds.put(t, id);
    }
    typos = new CloseTerms(sorted);
  }

  /** Entries analysed at once: enough to keep the cores busy, few enough to hold as strings. */
  private static final int CHUNK = 2_048;

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

  /** The terms of the entry at {@code position} in the list the vocabulary was made from. */
  EntryTerms entryTerms(int position) {
    return entryTerms.get(position);
  }

  /** The terms of the entry {@code entryId}, or null; a walk through them all, for tests. */
  EntryTerms entryTerms(String entryId) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).id().equals(entryId)) {
        return entryTerms.get(i);
      }
    }
    return null;
  }

  /** How many terms the vocabulary knows; their ids are 0 to this less one, in sorted order. */
  int size() {
    return sorted.length;
  }

  /** The known term with this id. */
  String term(int id) {
    return sorted[id];
  }

  /** Known terms that start with {@code prefix} (at least two letters), shortest first. */
  List<String> completions(String prefix, int max) {
    if (prefix.length() < 2) {
      return List.of();
    }
    return Arrays.stream(sorted, from(prefix), from(prefix + Character.MAX_VALUE))
        .filter(t -> !t.equals(prefix))
        .sorted(java.util.Comparator.comparingInt(String::length))
        .limit(max)
        .toList();
  }

  boolean contains(String term) {
    return termIds.containsKey(term);
  }

  /** Where {@code term} is or would be in the sorted terms. */
  private int from(String term) {
    int at = Arrays.binarySearch(sorted, term);
    return at >= 0 ? at : -at - 1;
  }

  /**
   * BM25-style inverse document frequency. A term no entry uses weighs like one used once: it is
   * often just a word the editors happened not to use, so it must not outweigh the known ones.
   */
  double idf(String term) {
    Integer id = termIds.get(term);
    int df = id == null ? 1 : Math.max(docFreqById[id], 1);
    return Math.log(1 + (entryCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Known terms that are the same word with another ending the light stemmer left on ({@code
   * oppgrad} / {@code oppgradering}): a shared stem of at least five letters that each term extends
   * by at most five more.
   */
  List<String> sameStem(String term) {
    if (!contains(term)) {
      return findSameStem(term);
    }
    List<String> known = sameStemOfKnown.get(term);
    if (known == null) {
      known = findSameStem(term);
      sameStemOfKnown.putIfAbsent(term, known); // a race only works out the same list twice
    }
    return known;
  }

  private List<String> findSameStem(String term) {
    if (term.length() < 5) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    String prefix = term.substring(0, 5);
    for (int i = from(prefix), end = from(prefix + Character.MAX_VALUE); i < end; i++) {
      String candidate = sorted[i];
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

  /** Known terms within a small edit distance of an unknown one ({@link CloseTerms}). */
  List<String> closeTerms(String term) {
    return typos.of(term);
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
