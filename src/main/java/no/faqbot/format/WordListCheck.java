package no.faqbot.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a word file line by line as {@code WordlistLoader.getLines} reads it (a line starting with
 * {@code #} is a comment, others are trimmed, blank ones skipped), so a bad line is reported with
 * its path and line number and the fix, instead of a word that silently never matches.
 */
final class WordListCheck {
  private static final String ARROW = "=>";

  private WordListCheck() {}

  static List<ContentProblem> problems(WordList list, String path, byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return List.of(new ContentProblem(path, 1, "is not UTF-8: save it as UTF-8"));
    }
    List<ContentProblem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      String line = raw.trim();
      if (raw.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String problem = problem(list, line);
      String key = list.shape() == WordList.Shape.MAP && problem == null ? pair(line)[0] : line;
      Integer before = seen.putIfAbsent(key, i + 1);
      if (problem == null && before != null) {
        problem = "'" + key + "' is listed already on line " + before + ": remove one";
      }
      if (problem != null) {
        problems.add(new ContentProblem(path, i + 1, problem));
      }
    }
    return problems;
  }

  /** {@code word => target} split into its two words, or null when the line is not one. */
  static String[] pair(String line) {
    int arrow = line.indexOf(ARROW);
    if (arrow < 0) {
      return null;
    }
    String word = line.substring(0, arrow).trim();
    String target = line.substring(arrow + ARROW.length()).trim();
    return oneWord(word) && oneWord(target) ? new String[] {word, target} : null;
  }

  private static String problem(WordList list, String line) {
    boolean lower = line.equals(line.toLowerCase(Locale.ROOT));
    return switch (list.shape()) {
      case WORDS -> {
        if (!oneWord(line)) {
          yield "'" + line + "' is more than one word: one word a line (split it over lines)";
        }
        yield lower ? null : "'" + line + "' has capitals: write it in lower case";
      }
      case PHRASES -> {
        if (!line.matches("[^\\s=]+( [^\\s=]+)*")) {
          yield "'" + line + "' is not words separated by one space: write it so";
        }
        yield lower ? null : "'" + line + "' has capitals: write it in lower case";
      }
      case NAMES -> oneWord(line) ? null : "'" + line + "' is more than one word: one name a line";
      case MAP -> mapProblem(list, line, lower);
    };
  }

  private static String mapProblem(WordList list, String line, boolean lower) {
    String[] pair = pair(line);
    if (pair == null) {
      String[] words = line.split("\\s+");
      String hint =
          words.length == 2 && !line.contains(ARROW)
              ? "write it as '" + words[0] + " " + ARROW + " " + words[1] + "'"
              : "write one word, ' " + ARROW + " ', and one word";
      return "'" + line + "' is not 'word " + ARROW + " target': " + hint;
    }
    if (!lower) {
      return "'" + line + "' has capitals: write it in lower case";
    }
    String key = unknown(list, "a word", list.keys(), pair[0]);
    return key != null ? key : unknown(list, "a target", list.targets(), pair[1]);
  }

  private static String unknown(WordList list, String what, Set<String> allowed, String word) {
    if (allowed.isEmpty() || allowed.contains(word)) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "'%s' is not %s of %s: use one of %s",
        word,
        what,
        list.purpose(),
        allowed.stream().sorted().toList());
  }

  private static boolean oneWord(String s) {
    return !s.isEmpty() && !s.contains(ARROW) && s.chars().noneMatch(Character::isWhitespace);
  }
}
