package no.faqbot.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.faqbot.format.WordList.Shape;
import org.junit.jupiter.api.Test;

class WordListsTest {
  private static final Path WORDS = Path.of("src/main/resources/no/faqbot/words");

  @Test
  void every_word_list_loads_without_a_problem() {
    assertEquals(List.of(), WordLists.problems());
    for (WordList list : WordLists.ALL) {
      int size =
          list.shape() == Shape.MAP
              ? WordLists.map(list.purpose()).size()
              : WordLists.lines(list.purpose()).size();
      assertTrue(size > 0, list.purpose());
    }
  }

  @Test
  void every_file_under_words_is_a_listed_language_and_purpose() throws IOException {
    try (Stream<Path> files = Files.walk(WORDS)) {
      List<Path> texts = files.filter(p -> p.toString().endsWith(".txt")).toList();
      assertFalse(texts.isEmpty());
      for (Path file : texts) {
        Path relative = WORDS.relativize(file);
        String purpose = relative.getFileName().toString().replaceFirst("\\.txt$", "");
        assertEquals(2, relative.getNameCount(), relative + ": <lang>/<purpose>.txt");
        assertTrue(WordLists.LANGUAGES.contains(relative.getName(0).toString()), relative + "");
        assertEquals(purpose, WordLists.list(purpose).purpose(), relative + "");
      }
    }
  }

  @Test
  void a_malformed_line_is_reported_with_its_path_line_and_fix() {
    String text = "# a comment\nfeil\n\nbad word\nFeil\n  feil  \n";
    assertEquals(
        List.of(
            "x/problem.txt:4: 'bad word' is more than one word: one word a line (split it over lines)",
            "x/problem.txt:5: 'Feil' has capitals: write it in lower case",
            "x/problem.txt:6: 'feil' is listed already on line 2: remove one"),
        problems(new WordList("problem", Shape.WORDS), text));
  }

  @Test
  void a_pair_without_an_arrow_or_with_an_unknown_target_is_reported() {
    WordList kinds = new WordList("kinds", Shape.MAP, Set.of("hur", "kva"), Set.of("how", "why"));
    assertEquals(
        List.of(
            "x/kinds.txt:1: 'hur how' is not 'word => target': write it as 'hur => how'",
            "x/kinds.txt:2: 'hw' is not a target of kinds: use one of [how, why]",
            "x/kinds.txt:4: 'hur' is listed already on line 3: remove one",
            "x/kinds.txt:5: 'how' is not a word of kinds: use one of [hur, kva]"),
        problems(kinds, "hur how\nkva => hw\nhur => how\nhur => why\nhow => how\n"));
    assertArrayEquals(new String[] {"hur", "how"}, WordListCheck.pair("hur  =>how"));
  }

  @Test
  void phrases_are_words_separated_by_one_space() {
    assertEquals(
        List.of("x/asks.txt:2: 'how  long' is not words separated by one space: write it so"),
        problems(new WordList("asks", Shape.PHRASES), "how much\nhow  long\n"));
  }

  @Test
  void a_file_that_is_not_utf8_is_reported() {
    byte[] latin1 = "läge\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        List.of("x/w.txt:1: is not UTF-8: save it as UTF-8"),
        WordListCheck.problems(new WordList("w", Shape.WORDS), "x/w.txt", latin1).stream()
            .map(ContentProblem::toString)
            .toList());
  }

  @Test
  void the_fingerprint_changes_with_any_byte_of_any_word_file() {
    String path = WordLists.list("negations").resource("nb");
    String edited =
        WordLists.fingerprint(
            p -> {
              byte[] bytes = resource(p);
              return p.equals(path) ? "ikke\n".getBytes(StandardCharsets.UTF_8) : bytes;
            });
    assertEquals(WordLists.fingerprint(), WordLists.fingerprint(WordListsTest::resource));
    assertNotEquals(WordLists.fingerprint(), edited);
  }

  @Test
  void a_purpose_unites_its_languages_and_a_map_reads_one_language() {
    assertTrue(WordLists.words("negations").containsAll(List.of("ikke", "ikkje", "inte", "not")));
    assertEquals("land", WordLists.map("kind-words", "nb").get("country"));
    assertEquals(null, WordLists.map("kind-words", "sv"));
  }

  private static byte[] resource(String path) {
    try (var in = WordListsTest.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> problems(WordList list, String text) {
    return WordListCheck.problems(
            list, "x/" + list.purpose() + ".txt", text.getBytes(StandardCharsets.UTF_8))
        .stream()
        .map(ContentProblem::toString)
        .toList();
  }
}
