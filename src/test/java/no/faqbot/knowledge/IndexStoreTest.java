package no.faqbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.faqbot.Fixtures;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.search.AnalysedContent;
import no.faqbot.search.AnalysisFile;
import no.faqbot.search.OpenedIndex;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStoreTest {
  @TempDir Path tmp;

  private final TextAnalysis analysis = new TextAnalysis();

  private ContentSnapshot content(Path dir) {
    return new ContentLoader(dir, new MarkdownRenderer()).load();
  }

  private OpenedIndex.Outcome openAndSearch(Path index, ContentSnapshot content) {
    try (SearchIndex searchIndex = new IndexStore(index).searchIndex(content, analysis)) {
      assertFalse(
          searchIndex.search("butikk-ID", "nb", 3, null).isEmpty(), "the index must answer");
      return searchIndex.outcome();
    }
  }

  /** The folder of the index's current generation. */
  private static Path generation(Path index) throws Exception {
    return index.resolve(Files.readString(index.resolve("CURRENT")).strip());
  }

  /** The good fixture's content, once indexed in {@code index}. */
  private ContentSnapshot indexedGood(Path index) {
    ContentSnapshot content = content(Fixtures.content("good", tmp));
    openAndSearch(index, content);
    return content;
  }

  /** Opening builds the index afresh, and opening again reuses it. */
  private void assertBuiltThenReused(Path index, ContentSnapshot content) {
    assertEquals(OpenedIndex.Outcome.BUILT, openAndSearch(index, content));
    assertEquals(OpenedIndex.Outcome.REUSED, openAndSearch(index, content));
  }

  @Test
  void index_is_reused_when_the_content_has_not_changed() {
    assertBuiltThenReused(tmp.resolve("index"), content(Fixtures.content("good", tmp)));
  }

  @Test
  void index_is_rebuilt_when_the_content_changed() throws Exception {
    Path dir = Fixtures.content("good", tmp);
    Path index = tmp.resolve("index");
    openAndSearch(index, content(dir));
    Files.writeString(
        dir.resolve("faq/nb/order-expiry.md"),
        Files.readString(dir.resolve("faq/nb/order-expiry.md")).replace("28 dager", "30 dager"));
    ContentSnapshot changed = content(dir);
    assertEquals(OpenedIndex.Outcome.BUILT, openAndSearch(index, changed));
  }

  @Test
  void corrupt_index_files_are_detected_and_the_index_rebuilt() throws Exception {
    Path index = tmp.resolve("index");
    ContentSnapshot content = indexedGood(index);
    List<Path> files;
    try (Stream<Path> list = Files.list(generation(index))) {
      files = list.filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
    }
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      for (int i = bytes.length / 3; i < bytes.length; i += 7) {
        bytes[i] ^= 0x5a;
      }
      Files.write(f, bytes);
    }
    assertBuiltThenReused(index, content);
  }

  @Test
  void a_damaged_or_missing_analysis_file_leads_to_a_rebuild() throws Exception {
    Path index = tmp.resolve("index");
    ContentSnapshot content = indexedGood(index);
    Path kept = generation(index).resolve(AnalysisFile.NAME);
    byte[] bytes = Files.readAllBytes(kept);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(kept, bytes);
    assertBuiltThenReused(index, content);
    Files.delete(generation(index).resolve(AnalysisFile.NAME));
    assertEquals(OpenedIndex.Outcome.BUILT, openAndSearch(index, content));
  }

  @Test
  void a_pointer_to_a_missing_folder_or_garbage_leads_to_a_rebuild() throws Exception {
    ContentSnapshot content = content(Fixtures.content("good", tmp));
    Path index = tmp.resolve("index");
    Files.createDirectories(index);
    Files.writeString(index.resolve("CURRENT"), "../../etc");
    assertEquals(OpenedIndex.Outcome.BUILT, openAndSearch(index, content));
    Files.writeString(index.resolve("CURRENT"), "gen-does-not-exist");
    assertEquals(OpenedIndex.Outcome.BUILT, openAndSearch(index, content));
  }

  @Test
  void a_half_built_folder_from_a_crash_is_ignored_and_tidied() throws Exception {
    Path index = tmp.resolve("index");
    ContentSnapshot content = indexedGood(index);
    Path leftover = Files.createDirectories(index.resolve("building-gen-crashed"));
    Files.writeString(leftover.resolve("_0.cfs"), "half written");
    assertEquals(OpenedIndex.Outcome.REUSED, openAndSearch(index, content));
    new IndexStore(index).build(AnalysedContent.of(content, analysis));
    assertFalse(Files.exists(leftover));
    assertTrue(Files.exists(index.resolve("CURRENT")));
  }
}
