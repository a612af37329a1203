package no.faqbot.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words redaction keys on (labels of secrets per language, the words that lead to a value or
 * say it is none), one data file per purpose under {@code no/faqbot/redaction/}, turned into regex
 * alternations.
 */
final class RedactionWords {
  private RedactionWords() {}

  /**
   * The words of {@code name}.txt as one alternation; a space inside a word matches {@code joiner}
   * (e.g. "api key" → api key, api_key, apiKey). Written as a trie (passord(?:et)?|pw(?:d)?...), so
   * matching costs the length of a word, not the number of words.
   */
  static String alternation(String name, String joiner) {
    Node root = new Node();
    for (String word : words(name)) {
      Node node = root;
      for (char c : word.toCharArray()) {
        node = node.children.computeIfAbsent(c, k -> new Node());
      }
      node.word = true;
    }
    return "(?:" + root.regex(joiner) + ")";
  }

  /** A trie node: the characters that may follow, and whether a word ends here. */
  private static final class Node {
    final Map<Character, Node> children = new TreeMap<>();
    boolean word;

    String regex(String joiner) {
      List<String> branches = new ArrayList<>();
      children.forEach((c, child) -> branches.add(literal(c, joiner) + child.regex(joiner)));
      if (branches.isEmpty()) {
        return "";
      }
      if (branches.size() == 1 && !word) {
        return branches.get(0);
      }
      String alternation = String.join("|", branches);
      return word ? "(?:" + alternation + ")?" : "(?:" + alternation + ")";
    }

    private static String literal(char c, String joiner) {
      if (c == ' ') {
        return joiner;
      }
      return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }
  }

  /** The first piece of every word of these files: a text holding none holds none of the words. */
  static List<String> pieces(String... names) {
    Set<String> pieces = new LinkedHashSet<>();
    for (String name : names) {
      for (String word : words(name)) {
        pieces.add(word.split(" ")[0]);
      }
    }
    return List.copyOf(pieces);
  }

  /** The words of a file: one a line, trimmed and lower-cased, without blanks and # comments. */
  static List<String> words(String name) {
    String resource = "/no/faqbot/redaction/" + name + ".txt";
    Set<String> words = new LinkedHashSet<>();
    try (InputStream in = RedactionWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return List.copyOf(words);
  }
}
