package no.faqbot.format;

import java.util.Set;

/**
 * One purpose of language knowledge (problem words, month names, ...), kept as one file per
 * language: {@code no/faqbot/words/<lang>/<purpose>.txt}. Its shape says what a line holds.
 *
 * @param keys for a {@link Shape#MAP}, the words a line may map from; empty for any word
 * @param targets for a {@link Shape#MAP}, the words a line may map to; empty for any word
 */
public record WordList(String purpose, Shape shape, Set<String> keys, Set<String> targets) {
  /** What one line of the file holds. */
  public enum Shape {
    /** One lower-case word (or word beginning) a line. */
    WORDS,
    /** Lower-case words separated by one space. */
    PHRASES,
    /** A name as written (any case); it is analysed when loaded. */
    NAMES,
    /** {@code word => target}, both one lower-case word. */
    MAP
  }

  public WordList {
    keys = Set.copyOf(keys);
    targets = Set.copyOf(targets);
  }

  WordList(String purpose, Shape shape) {
    this(purpose, shape, Set.of(), Set.of());
  }

  /** The resource path of this list in {@code lang}. */
  String resource(String lang) {
    return "no/faqbot/words/" + lang + "/" + purpose + ".txt";
  }
}
