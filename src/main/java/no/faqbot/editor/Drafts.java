package no.faqbot.editor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each editor's unpublished drafts, in memory on this replica: saved while they type, shown again
 * when they reopen the entry, gone after publishing, discarding or a restart.
 */
final class Drafts {
  /** Enough for every editor's open drafts; beyond it the oldest make room. */
  static final int MAX = 500;

  /** A draft with what it was opened on: the revision and the file's hash. */
  record Draft(String text, long base, String fileHash, Instant saved) {}

  private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

  private static String key(String user, String lang, String id) {
    return user + "\u0000" + lang + "\u0000" + id;
  }

  Optional<Draft> get(String user, String lang, String id) {
    return Optional.ofNullable(drafts.get(key(user, lang, id)));
  }

  void save(String user, String lang, String id, Draft draft) {
    if (drafts.size() >= MAX && !drafts.containsKey(key(user, lang, id))) {
      drafts.entrySet().stream()
          .min(Map.Entry.comparingByValue((a, b) -> a.saved().compareTo(b.saved())))
          .ifPresent(oldest -> drafts.remove(oldest.getKey()));
    }
    drafts.put(key(user, lang, id), draft);
  }

  void remove(String user, String lang, String id) {
    drafts.remove(key(user, lang, id));
  }
}
