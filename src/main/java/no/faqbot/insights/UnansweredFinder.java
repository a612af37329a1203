package no.faqbot.insights;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.faqbot.search.TextAnalysis;
import no.faqbot.store.Store;

/**
 * Finds what the bot did not answer well: fall-backs, out-of-scope replies, low-confidence answers,
 * suggestions of which none was opened, and answers voted unhelpful. Messages are grouped by their
 * analysed terms (the search's own stemming and stop words): the same words in another order or
 * form are one phrasing, and phrasings sharing most of their terms are one group.
 */
public final class UnansweredFinder {
  /** An answer scored below this is counted as a low-confidence one. */
  static final double LOW_CONFIDENCE = 0.5;

  /** The newest candidate messages looked at per request, which bounds the time it takes. */
  static final int MAX_CANDIDATES = 5_000;

  private static final int EXAMPLES = 5;

  /**
   * Which events are candidates. Word for word the condition of the partial index {@code
   * events_misses} (migration V4), which is what lets the store read only these events, newest
   * first: change both or neither.
   */
  static final String MISSES =
      "message IS NOT NULL AND ((kind = 'turn' AND (reply_type IN ('fallback', 'suggestions',"
          + " 'out_of_scope', 'outofscope', 'out-of-scope') OR (reply_type = 'answer' AND score < "
          + LOW_CONFIDENCE
          + "))) OR (kind = 'vote' AND helpful = 0))";

  private final Store store;
  private final TextAnalysis analysis;

  public UnansweredFinder(Store store, TextAnalysis analysis) {
    this.store = store;
    this.analysis = analysis;
  }

  /**
   * Groups in the period (all languages when {@code lang} is null), most asked first; dismissed
   * phrasings left out.
   */
  public List<UnansweredGroup> find(long from, long to, String lang) throws SQLException {
    Set<String> dismissed = new HashSet<>();
    Map<String, Set<String>> picked = new HashMap<>();
    Map<String, Phrasing> phrasings = new LinkedHashMap<>();
    Map<String, String> keyOfMessage = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    String langFilter = lang == null ? "" : " AND lang = ?";
    try (Connection c = store.connection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT phrase_key FROM dismissed");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          dismissed.add(r.getString(1));
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT at, lang, message, reply_type, conversation, suggestions"
                  + " FROM events WHERE at >= ? AND at < ?"
                  + langFilter
                  + " AND "
                  + MISSES
                  + " ORDER BY at DESC LIMIT "
                  + MAX_CANDIDATES)) {
        bind(s, from, to, lang);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            candidates.add(
                new Candidate(
                    r.getLong(1),
                    r.getString(2) == null ? "nb" : r.getString(2),
                    r.getString(3).strip(),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6)));
          }
        }
      }
      picks(c, candidates, from, picked);
    }
    for (Candidate m : candidates) {
      if ("suggestions".equals(m.replyType())
          && anyPicked(picked.get(m.conversation()), m.suggestions())) {
        continue;
      }
      String key =
          keyOfMessage.computeIfAbsent(
              m.lang() + "|" + m.message(), k -> key(m.lang(), m.message()));
      if (!dismissed.contains(key)) {
        phrasings.computeIfAbsent(key, k -> new Phrasing(k, m.lang())).add(m.message(), m.at());
      }
    }
    return group(phrasings.values());
  }

  private record Candidate(
      long at,
      String lang,
      String message,
      String replyType,
      String conversation,
      String suggestions) {}

  /**
   * The entries opened in the conversations that were offered suggestions (by the conversation
   * index).
   */
  private static void picks(
      Connection c, List<Candidate> candidates, long from, Map<String, Set<String>> picked)
      throws SQLException {
    List<String> conversations =
        candidates.stream()
            .filter(m -> "suggestions".equals(m.replyType()))
            .map(Candidate::conversation)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    for (int i = 0; i < conversations.size(); i += 500) {
      List<String> chunk = conversations.subList(i, Math.min(conversations.size(), i + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT conversation, entry_id FROM events WHERE conversation IN ("
                  + marks
                  + ") AND kind = 'pick' AND at >= ?")) {
        for (int k = 0; k < chunk.size(); k++) {
          s.setString(k + 1, chunk.get(k));
        }
        s.setLong(chunk.size() + 1, from);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            picked.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2));
          }
        }
      }
    }
  }

  private static void bind(PreparedStatement s, long from, long to, String lang)
      throws SQLException {
    s.setLong(1, from);
    s.setLong(2, to);
    if (lang != null) {
      s.setString(3, lang);
    }
  }

  private static boolean anyPicked(Set<String> picks, String suggestions) {
    return picks != null
        && suggestions != null
        && Arrays.stream(suggestions.split(",")).anyMatch(picks::contains);
  }

  /**
   * The phrasing's key: language and its distinct analysed terms in order; the lower-cased text
   * when it has none.
   */
  String key(String lang, String message) {
    TreeSet<String> terms = new TreeSet<>(analysis.terms(lang, message));
    return lang
        + "|"
        + (terms.isEmpty() ? message.toLowerCase(java.util.Locale.ROOT) : String.join(" ", terms));
  }

  /**
   * Greedy: most asked phrasing first; each joins the first group whose leading phrasing shares
   * most of its terms.
   */
  private static List<UnansweredGroup> group(java.util.Collection<Phrasing> all) {
    List<Phrasing> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparingLong((Phrasing p) -> p.count).reversed().thenComparing(p -> p.key));
    List<List<Phrasing>> groups = new ArrayList<>();
    Map<String, List<Integer>> byTerm = new HashMap<>();
    for (Phrasing p : sorted) {
      Set<String> terms = p.terms();
      int home = Integer.MAX_VALUE;
      for (String t : terms) {
        for (int g : byTerm.getOrDefault(p.lang + "|" + t, List.of())) {
          if (g < home && similar(terms, groups.get(g).get(0).terms())) {
            home = g; // the lists are in ascending order: the rest of this one cannot be lower
            break;
          }
        }
      }
      if (home == Integer.MAX_VALUE) {
        home = groups.size();
        groups.add(new ArrayList<>());
        for (String t : terms) {
          byTerm.computeIfAbsent(p.lang + "|" + t, k -> new ArrayList<>()).add(home);
        }
      }
      groups.get(home).add(p);
    }
    List<UnansweredGroup> out = new ArrayList<>();
    for (List<Phrasing> g : groups) {
      Map<String, Long> examples = new HashMap<>();
      long count = 0;
      long last = 0;
      Set<String> keys = new java.util.LinkedHashSet<>();
      for (Phrasing p : g) {
        count += p.count;
        last = Math.max(last, p.last);
        keys.add(p.key);
        p.messages.forEach((m, n) -> examples.merge(m, n, Long::sum));
      }
      List<String> top =
          examples.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(EXAMPLES)
              .map(Map.Entry::getKey)
              .toList();
      out.add(new UnansweredGroup(id(g.get(0).key), g.get(0).lang, count, last, top, keys));
    }
    out.sort(
        Comparator.comparingLong(UnansweredGroup::count)
            .reversed()
            .thenComparing(UnansweredGroup::id));
    return out;
  }

  /**
   * Half the terms of either shared (Jaccard ≥ 0.5), or one's two or more terms all in the other.
   */
  static boolean similar(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String t : a) {
      if (b.contains(t)) {
        shared++;
      }
    }
    int union = a.size() + b.size() - shared;
    return union > 0
        && (shared * 2 >= union || (shared >= 2 && shared == Math.min(a.size(), b.size())));
  }

  static String id(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One analysed phrasing and the messages that had it. */
  private static final class Phrasing {
    final String key;
    final String lang;
    final Map<String, Long> messages = new HashMap<>();
    long count;
    long last;

    Phrasing(String key, String lang) {
      this.key = key;
      this.lang = lang;
    }

    void add(String message, long at) {
      messages.merge(message, 1L, Long::sum);
      count++;
      last = Math.max(last, at);
    }

    private Set<String> terms;

    Set<String> terms() {
      if (terms == null) {
        terms = new HashSet<>(Arrays.asList(key.substring(key.indexOf('|') + 1).split(" ")));
      }
      return terms;
    }
  }
}
