package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.faqbot.Fixtures;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStatusTest {
  @TempDir Path tmp;

  @Test
  void lists_missing_translations_near_duplicates_and_entries_due_for_review() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Files.writeString(
        content.resolve("faq/nb/order-expiry-2.md"),
        Files.readString(content.resolve("faq/nb/order-expiry.md"))
            .replace("id: order-expiry", "id: order-expiry-2")
            .replace("updated: 2026-11-01", "updated: 2027-11-30"));
    ContentSnapshot snapshot = new ContentLoader(content, new MarkdownRenderer()).load();
    Clock clock = Clock.fixed(Instant.parse("2027-12-01T12:00:00Z"), ZoneOffset.UTC);
    Map<String, Object> status = ContentStatus.of(snapshot, null, 365, clock);
    assertEquals(
        List.of("order-expiry", "order-expiry-2", "settlement-report", "test-purchase"),
        ((Map<?, ?>) status.get("missingTranslations")).get("en"));
    assertEquals(List.of("nb/order-expiry ~ nb/order-expiry-2"), status.get("nearDuplicates"));
    assertEquals(
        List.of(
            "en/find-store-id",
            "nb/find-store-id",
            "nb/order-expiry",
            "nb/settlement-report",
            "nb/test-purchase"),
        status.get("stale"),
        "updated more than a year before the clock");
  }

  @Test
  void answers_that_mention_a_year_gone_by_are_flagged() throws Exception {
    Path content = Fixtures.content("good", tmp);
    Path file = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(
        file, Files.readString(file).replace("Nye ordrer har", "Fra tidlig 2021 har nye ordrer"));
    ContentSnapshot snapshot = new ContentLoader(content, new MarkdownRenderer()).load();
    assertEquals(
        List.of("nb/order-expiry: «Fra tidlig 2021»"), ContentStatus.datedPast(snapshot, 2026));
    assertEquals(
        List.of(), ContentStatus.datedPast(snapshot, 2021), "this year is not in the past");
  }
}
