package no.faqbot.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a planner worked out per word (or per term with its synonyms), kept for the next message
 * that has it: the same for every message while the content is the same. Bounded: words are
 * endless, memory is not, so it starts over when full.
 */
final class WordMemo<K, V> {
  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final int size;

  WordMemo(int size) {
    this.size = size;
  }

  /** The value kept for {@code key}, or {@code work}'s, then kept. */
  V get(K key, Function<K, V> work) {
    V value = values.get(key);
    if (value == null) {
      // not computeIfAbsent: the work may take a while and ask other memos
      value = work.apply(key);
      if (values.size() > size) {
        values.clear();
      }
      values.put(key, value);
    }
    return value;
  }
}
