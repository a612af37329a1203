package no.faqbot.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.content.FaqEntry;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * A second, plainer ranking of a whole message: Okapi BM25 over each entry's words in all its
 * languages (question, alternatives, answer, section, tags; a flow by its triggers), each word cut
 * to its first {@value PrefixWords#PREFIX} letters, with none of the main ranking's synonyms,
 * neighbour spellings, phrasing fit or coverage. It is not good enough to answer from, but it errs
 * differently: where it agrees with the entry the chat would answer with, that answer is more often
 * right, and where it has that entry nowhere near its top, less often. The reply model weighs this
 * (issue 20: held out, about two points more right answers at the same share of wrong ones).
 */
public final class SecondOpinion implements AutoCloseable {
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  /**
   * On a large knowledge base a word used by more than one entry in twenty is skipped, as the main
   * ranking does not let such a word pick candidates: it says little about which entry is meant,
   * and its postings would make every message walk, and the heap hold, most entries. Small
   * knowledge bases keep every word.
   */
  private static final int SKIP_COMMON_FROM = 1_000;

  /** A posting is the document's number shifted past its count, which stops counting here. */
  private static final int COUNT_BITS = 8;

  private static final int MAX_COUNT = (1 << COUNT_BITS) - 1;

  /** What the second ranking says about one message. */
  public record Verdict(String entry, List<String> entries, String flow, boolean flowFirst) {
    static final Verdict NONE = new Verdict(null, List.of(), null, false);

    /** Whether the second ranking's best entry is {@code id}. */
    public boolean firstIs(String id) {
      return id != null && id.equals(entry);
    }

    /** Whether {@code id} is among the second ranking's best {@value #NEAR} entries. */
    public boolean near(String id) {
      return id != null && entries.contains(id);
    }

    /** Whether the second ranking's best flow is {@code flowId}. */
    public boolean flowIs(String flowId) {
      return flowId != null && flowId.equals(flow);
    }

    static final int NEAR = 3;
  }

  /** Per document: the entry id (a flow's id for a flow), and whether it is a flow. */
  private final String[] ids;

  private final boolean[] flows;

  /** Per document: BM25's length term, {@code k1 * (1 - b + b * length / average)}. */
  private final double[] lengthNorm;

  /** Each word's number. */
  private final Map<String, Integer> wordIds;

  /** Per word number: the documents using it with how often (see {@link #COUNT_BITS}); its idf. */
  private final int[][] postings;

  private final double[] idf;

  /**
   * Per thread: each document's score so far, zero between messages. Lucene's closeable kind, let
   * go of when the index this belongs to closes (a reload makes a new one each time).
   */
  private final CloseableThreadLocal<double[]> scratch;

  private SecondOpinion(
      String[] ids,
      boolean[] flows,
      double[] lengthNorm,
      Map<String, Integer> wordIds,
      int[][] postings,
      double[] idf) {
    this.ids = ids;
    this.flows = flows;
    this.lengthNorm = lengthNorm;
    this.wordIds = wordIds;
    this.postings = postings;
    this.idf = idf;
    this.scratch =
        new CloseableThreadLocal<>() {
          @Override
          protected double[] initialValue() {
            return new double[ids.length];
          }
        };
  }

  /** Lets go of every thread's scores: once, when the index this belongs to has closed. */
  @Override
  public void close() {
    scratch.close();
  }

  /**
   * One document per entry id (and per flow) over all languages' {@code entries}, which come
   * grouped by language; an entry's documents are joined by id. Built in one pass with growing
   * arrays: a large knowledge base has millions of (word, document) pairs.
   */
  static SecondOpinion of(Iterable<FaqEntry> entries) {
    Map<String, Integer> docIds = new LinkedHashMap<>();
    List<Boolean> isFlow = new ArrayList<>();
    Map<String, Integer> wordIds = new HashMap<>();
    // Per document, the numbers of its words as they come (repeated), grown as needed.
    List<int[]> docWords = new ArrayList<>();
    int[] docCounts = new int[16];
    for (FaqEntry e : entries) {
      if (e.isOutOfScope()) {
        continue;
      }
      String id = e.isFlowTrigger() ? e.flow() : e.id();
      if (id == null) {
        continue;
      }
      int doc = docIds.computeIfAbsent(id, k -> docIds.size());
      if (doc == docWords.size()) {
        docWords.add(new int[16]);
        isFlow.add(e.isFlowTrigger());
        if (doc == docCounts.length) {
          docCounts = java.util.Arrays.copyOf(docCounts, doc * 2);
        }
      }
      for (String text : texts(e)) {
        for (String w : PrefixWords.of(text)) {
          int word = wordIds.computeIfAbsent(w, k -> wordIds.size());
          int[] list = docWords.get(doc);
          if (docCounts[doc] == list.length) {
            list = java.util.Arrays.copyOf(list, list.length * 2);
            docWords.set(doc, list);
          }
          list[docCounts[doc]++] = word;
        }
      }
    }
    int n = docIds.size();
    int words = wordIds.size();
    // Per word: how many documents use it, then the (document, count) pairs.
    int[] df = new int[words];
    int[][] pairs = new int[n][];
    long total = 0;
    double[] lengths = new double[n];
    for (int doc = 0; doc < n; doc++) {
      int[] list = java.util.Arrays.copyOf(docWords.get(doc), docCounts[doc]);
      docWords.set(doc, null);
      java.util.Arrays.sort(list);
      int[] runs = new int[list.length * 2];
      int r = 0;
      for (int i = 0; i < list.length; ) {
        int j = i;
        while (j < list.length && list[j] == list[i]) {
          j++;
        }
        runs[r++] = list[i];
        runs[r++] = j - i;
        df[list[i]]++;
        i = j;
      }
      pairs[doc] = java.util.Arrays.copyOf(runs, r);
      lengths[doc] = list.length;
      total += list.length;
    }
    double average = n == 0 ? 1 : Math.max(1, (double) total / n);
    double[] lengthNorm = new double[n];
    for (int doc = 0; doc < n; doc++) {
      lengthNorm[doc] = K1 * (1 - B + B * lengths[doc] / average);
    }
    int[][] postings = new int[words][];
    double[] idf = new double[words];
    for (int w = 0; w < words; w++) {
      idf[w] = Math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5));
      boolean common = n >= SKIP_COMMON_FROM && df[w] > n / 20;
      postings[w] = new int[common ? 0 : df[w]];
      df[w] = 0; // from here: how much of its postings is filled
    }
    for (int doc = 0; doc < n; doc++) {
      int[] runs = pairs[doc];
      for (int i = 0; i < runs.length; i += 2) {
        int[] list = postings[runs[i]];
        if (list.length > 0) {
          list[df[runs[i]]++] = doc << COUNT_BITS | Math.min(runs[i + 1], MAX_COUNT);
        }
      }
      pairs[doc] = null;
    }
    String[] ids = docIds.keySet().toArray(new String[0]);
    boolean[] flows = new boolean[n];
    for (int doc = 0; doc < n; doc++) {
      flows[doc] = isFlow.get(doc);
    }
    return new SecondOpinion(ids, flows, lengthNorm, wordIds, postings, idf);
  }

  private static List<String> texts(FaqEntry e) {
    List<String> texts = new ArrayList<>();
    texts.add(e.id().replace('-', ' '));
    texts.add(e.question());
    texts.addAll(e.alternatives());
    texts.add(e.section());
    texts.addAll(e.tags());
    texts.add(e.answerMarkdown());
    return texts;
  }

  /** The second ranking of {@code message}. */
  public Verdict of(String message) {
    double[] scores = scratch.get();
    int[] touched = new int[16];
    int count = 0;
    for (String w : new java.util.LinkedHashSet<>(PrefixWords.of(message))) {
      Integer word = wordIds.get(w);
      if (word == null) {
        continue;
      }
      int[] list = postings[word];
      double weight = idf[word] * (K1 + 1);
      for (int posting : list) {
        int doc = posting >>> COUNT_BITS;
        int tf = posting & MAX_COUNT;
        if (scores[doc] == 0) {
          if (count == touched.length) {
            touched = java.util.Arrays.copyOf(touched, count * 2);
          }
          touched[count++] = doc;
        }
        scores[doc] += weight * tf / (tf + lengthNorm[doc]);
      }
    }
    if (count == 0) {
      return Verdict.NONE;
    }
    // The best flow, the best few entries and the best of all: best score first, and among equal
    // scores the entry that comes first in the content.
    int first = -1;
    int flow = -1;
    int[] best = new int[Verdict.NEAR];
    int kept = 0;
    for (int x = 0; x < count; x++) {
      int doc = touched[x];
      if (ahead(scores, doc, first)) {
        first = doc;
      }
      if (flows[doc]) {
        if (ahead(scores, doc, flow)) {
          flow = doc;
        }
        continue;
      }
      int at = kept < best.length ? kept++ : best.length;
      while (at > 0 && ahead(scores, doc, best[at - 1])) {
        if (at < best.length) {
          best[at] = best[at - 1];
        }
        at--;
      }
      if (at < best.length) {
        best[at] = doc;
      }
    }
    List<String> entries = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      entries.add(ids[best[i]]);
    }
    Verdict verdict =
        new Verdict(
            kept == 0 ? null : entries.get(0), entries, flow < 0 ? null : ids[flow], flows[first]);
    for (int x = 0; x < count; x++) {
      scores[touched[x]] = 0;
    }
    return verdict;
  }

  private static boolean ahead(double[] scores, int doc, int other) {
    return other < 0 || scores[doc] > scores[other] || scores[doc] == scores[other] && doc < other;
  }
}
