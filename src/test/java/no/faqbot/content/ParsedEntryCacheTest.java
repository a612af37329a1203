package no.faqbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.faqbot.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FAQ files parsed at one start and read back at the next: the same entries, never stale ones. */
class ParsedEntryCacheTest {
  @TempDir Path tmp;

  private ContentSnapshot load(Path content, ParsedEntryCache cache) {
    return new ContentLoader(content, new MarkdownRenderer(), cache).load();
  }

  private static String key(Path content, String file) throws Exception {
    return ParsedEntryCache.key("content/" + file, Files.readAllBytes(content.resolve(file)));
  }

  @Test
  void a_second_start_reads_the_same_entries_back() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Path file = tmp.resolve("index/parsed-entries.bin");
    ContentSnapshot first = load(content, new ParsedEntryCache(file, "build-1"));
    assertTrue(Files.isRegularFile(file), "written at the first load");

    ParsedEntryCache next = new ParsedEntryCache(file, "build-1");
    assertNotNull(next.get(key(content, "faq/nb/order-expiry.md")), "read back from disk");
    ContentSnapshot second = load(content, next);
    assertEquals(first.entries(), second.entries());
    assertEquals(first.fingerprint(), second.fingerprint());
    assertEquals(List.of(), second.problems());
  }

  @Test
  void an_edited_file_is_parsed_again_and_another_build_ignores_the_file() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Path file = tmp.resolve("index/parsed-entries.bin");
    load(content, new ParsedEntryCache(file, "build-1"));
    Path entry = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(
        entry, Files.readString(entry).replace("28 dager", "30 dager"), StandardCharsets.UTF_8);

    ContentSnapshot edited = load(content, new ParsedEntryCache(file, "build-1"));
    assertTrue(edited.entry("order-expiry", "nb").orElseThrow().answerText().contains("30 dager"));
    assertNull(
        new ParsedEntryCache(file, "build-2").get(key(content, "faq/nb/order-expiry.md")),
        "a file written by another build is not used");
  }

  @Test
  void a_damaged_file_is_not_used_and_loading_still_works() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Path file = tmp.resolve("index/parsed-entries.bin");
    ContentSnapshot first = load(content, new ParsedEntryCache(file, "build-1"));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    ParsedEntryCache damaged = new ParsedEntryCache(file, "build-1");
    assertNull(damaged.get(key(content, "faq/nb/order-expiry.md")));
    assertEquals(first.entries(), load(content, damaged).entries());
  }

  @Test
  void problems_found_across_files_keep_their_lines_when_entries_come_from_the_cache() {
    Path content = Fixtures.content("broken", tmp);
    Path file = tmp.resolve("index/parsed-entries.bin");
    ContentSnapshot first = load(content, new ParsedEntryCache(file, "build-1"));
    ContentSnapshot second = load(content, new ParsedEntryCache(file, "build-1"));
    assertEquals(first.problems(), second.problems());
    assertTrue(
        second.problems().stream()
            .anyMatch(
                p ->
                    p.toString()
                        .startsWith(
                            "content/faq/nb/unknown-related.md:6: related id 'does-not-exist'")),
        second.problems().toString());
  }

  @Test
  void a_huge_count_or_length_in_a_damaged_file_is_ignored_not_allocated() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Path file = tmp.resolve("index/parsed-entries.bin");
    ContentSnapshot first = load(content, new ParsedEntryCache(file, "build-1"));
    for (int[] damage :
        new int[][] {{Integer.MAX_VALUE}, {1, Integer.MAX_VALUE}, {1, 0x7fff_fff0}, {1, -7}}) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
        out.writeUTF("faqbot-parsed-entries-1");
        out.writeUTF("build-1");
        out.writeInt(damage[0]); // entries
        if (damage.length > 1) {
          out.writeUTF("some key");
          for (int i = 0; i < 4; i++) {
            out.writeInt(-1); // id, lang, question, section
          }
          out.writeInt(damage[1]); // alternatives: a list count, or a text length when read as one
          out.write(new byte[64]);
        }
      }
      Files.write(file, bytes.toByteArray());
      ParsedEntryCache damaged = new ParsedEntryCache(file, "build-1");
      assertNull(
          damaged.get(key(content, "faq/nb/order-expiry.md")),
          "damage " + java.util.Arrays.toString(damage));
      assertEquals(first.entries(), load(content, damaged).entries());
    }
  }
}
