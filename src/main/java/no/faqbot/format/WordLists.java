package no.faqbot.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.faqbot.format.WordList.Shape;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * The language knowledge the server reads messages with (signal words, question words, neighbour
 * spellings, names of countries and months, stop words): data files under {@code
 * src/main/resources/no/faqbot/words/<lang>/<purpose>.txt}, read with Lucene's {@link
 * WordlistLoader} (UTF-8, {@code #} comments, blank lines skipped). A purpose's words are the union
 * of its files in {@link #LANGUAGES} order; a word shared by languages is listed once.
 */
public final class WordLists {
  /** The languages word files are kept in; {@code any} holds names and codes of no language. */
  public static final List<String> LANGUAGES = List.of("nb", "nn", "da", "sv", "en", "any");

  /** Every word list, so that {@code validate}, the fingerprint and the tests see them all. */
  public static final List<WordList> ALL =
      List.of(
          new WordList("neighbour-spelling", Shape.MAP),
          new WordList("problem-words", Shape.WORDS),
          new WordList("problem-needs-negation", Shape.WORDS),
          new WordList("negations", Shape.WORDS),
          new WordList("problem-only", Shape.WORDS),
          new WordList("test-verbs", Shape.WORDS),
          new WordList("buyer-things", Shape.WORDS),
          new WordList("possessives", Shape.WORDS),
          new WordList("buyer-owned", Shape.WORDS),
          new WordList("buyer-acts", Shape.WORDS),
          new WordList("first-person", Shape.WORDS),
          new WordList("merchant-words", Shape.WORDS),
          new WordList("merchant-stems", Shape.WORDS),
          new WordList("shop-words", Shape.WORDS),
          new WordList("shop-stems", Shape.WORDS),
          new WordList("place-words", Shape.WORDS),
          new WordList("money-words", Shape.WORDS),
          new WordList("rate-words", Shape.WORDS),
          new WordList("number-words", Shape.WORDS),
          new WordList("figure-asking", Shape.PHRASES),
          new WordList("limit-words", Shape.WORDS),
          new WordList("limit-qualifiers", Shape.WORDS),
          new WordList("duration-asks", Shape.PHRASES),
          new WordList("country-names", Shape.NAMES),
          new WordList("month-names", Shape.NAMES),
          new WordList("kind-words", Shape.MAP, Set.of("country", "month"), Set.of()),
          new WordList(
              "question-words",
              Shape.MAP,
              Set.of(),
              Set.of("how", "why", "when", "where", "who", "what")),
          new WordList("degree-words", Shape.WORDS),
          new WordList("payment-providers", Shape.WORDS),
          new WordList("payment-providers-two-words", Shape.PHRASES),
          new WordList("klarna-words", Shape.WORDS),
          new WordList("language-markers", Shape.WORDS),
          new WordList("conditionals", Shape.WORDS),
          new WordList("conditionals-at-start", Shape.WORDS),
          new WordList("stop-words", Shape.WORDS),
          new WordList("stop-words-kept", Shape.WORDS));

  private static final String FINGERPRINT = fingerprint(WordLists::bytes);

  private WordLists() {}

  /** The words of {@code purpose} in all languages. */
  public static Set<String> words(String purpose) {
    return Set.copyOf(lines(purpose));
  }

  /** The lines of {@code purpose} in all languages, in file order. */
  public static List<String> lines(String purpose) {
    List<String> all = new ArrayList<>();
    boolean found = false;
    for (String lang : LANGUAGES) {
      List<String> lines = read(list(purpose).resource(lang));
      found |= lines != null;
      if (lines != null) {
        all.addAll(lines);
      }
    }
    if (!found) {
      throw new IllegalStateException("no word file for '" + purpose + "' in any of " + LANGUAGES);
    }
    return List.copyOf(new LinkedHashSet<>(all));
  }

  /** The pairs ({@code word => target}) of {@code purpose} in all languages. */
  public static Map<String, String> map(String purpose) {
    return pairs(purpose, lines(purpose));
  }

  /** The pairs of {@code purpose} in {@code lang}, or null when that language has no file. */
  public static Map<String, String> map(String purpose, String lang) {
    List<String> lines = read(list(purpose).resource(lang));
    return lines == null ? null : pairs(purpose, lines);
  }

  /** The lines of {@code purpose} in {@code lang} alone; none when that language has no file. */
  public static List<String> lines(String purpose, String lang) {
    List<String> lines = read(list(purpose).resource(lang));
    return lines == null ? List.of() : List.copyOf(lines);
  }

  /** A hash of every word file's path and bytes: what depends on the words changes with it. */
  public static String fingerprint() {
    return FINGERPRINT;
  }

  /** What is wrong in the word files, each as {@code path:line: what, and the fix}. */
  public static List<ContentProblem> problems() {
    List<ContentProblem> problems = new ArrayList<>();
    for (WordList list : ALL) {
      for (String lang : LANGUAGES) {
        byte[] bytes = bytes(list.resource(lang));
        if (bytes != null) {
          problems.addAll(
              WordListCheck.problems(list, "src/main/resources/" + list.resource(lang), bytes));
        }
      }
    }
    return problems;
  }

  static WordList list(String purpose) {
    for (WordList list : ALL) {
      if (list.purpose().equals(purpose)) {
        return list;
      }
    }
    throw new IllegalArgumentException("no word list '" + purpose + "' in WordLists.ALL");
  }

  private static Map<String, String> pairs(String purpose, List<String> lines) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : lines) {
      String[] pair = WordListCheck.pair(line);
      if (pair == null) {
        throw new IllegalStateException(
            "'" + line + "' in word list " + purpose + " is not 'word => target'");
      }
      map.put(pair[0], pair[1]);
    }
    return Map.copyOf(map);
  }

  private static List<String> read(String resource) {
    byte[] bytes = bytes(resource);
    try {
      return bytes == null
          ? null
          : WordlistLoader.getLines(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The hash of every word file as {@code files} gives it by resource path (null: none). */
  static String fingerprint(Function<String, byte[]> files) {
    List<byte[]> parts = new ArrayList<>();
    for (WordList list : ALL) {
      for (String lang : LANGUAGES) {
        byte[] bytes = files.apply(list.resource(lang));
        if (bytes != null) {
          parts.add(
              (list.resource(lang) + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
          parts.add(bytes);
        }
      }
    }
    return Sha256.hex(parts.toArray(new byte[0][]));
  }
}
