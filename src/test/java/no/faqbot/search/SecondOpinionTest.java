package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import no.faqbot.content.FaqEntry;
import org.junit.jupiter.api.Test;

class SecondOpinionTest {
  /** Its language does not matter: an entry's documents in all languages are one. */
  private static FaqEntry entry(String id, String question, String answer) {
    return CoverageTest.entry(id, question, answer);
  }

  private static FaqEntry flow(String flow, String trigger) {
    return new FaqEntry.FlowTrigger(flow, "nb", trigger, List.of(), flow + ".yaml");
  }

  private static final SecondOpinion OPINION =
      SecondOpinion.of(
          List.of(
              entry("find-store-id", "Hvor finner jeg butikk-ID-en?", "I Merchant Portal."),
              entry("order-expiry", "Når utløper en ordre?", "Etter 28 dager."),
              entry("find-store-id", "Where do I find my store ID?", "In the portal."),
              flow("wrong-credentials", "API-detaljene blir avvist med 401"),
              new FaqEntry.ScopeExample("weather", "nb", "hva blir været", List.of())));

  @Test
  void words_are_runs_of_letters_and_digits_cut_to_six() {
    assertEquals(
        List.of("butikk", "id", "en", "401", "avvist", "kjøpet"),
        PrefixWords.of("Butikk-ID-en: 401 (avvist) a kjøpet"));
  }

  @Test
  void the_entry_whose_words_the_message_shares_most_comes_first_in_any_language() {
    SecondOpinion.Verdict nb = OPINION.of("hvor finner jeg butikk id");
    assertTrue(nb.firstIs("find-store-id"));
    assertTrue(OPINION.of("where is my store id").firstIs("find-store-id"));
    assertTrue(OPINION.of("når utløper ordren").firstIs("order-expiry"));
    assertTrue(nb.near("find-store-id"));
    assertFalse(nb.flowFirst());
  }

  @Test
  void a_flow_is_ranked_by_its_triggers_and_out_of_scope_examples_are_left_out() {
    SecondOpinion.Verdict v = OPINION.of("får 401, detaljene avvist");
    assertTrue(v.flowIs("wrong-credentials"));
    assertTrue(v.flowFirst());
    SecondOpinion.Verdict weather = OPINION.of("hva blir været");
    assertNull(weather.entry(), "only the out-of-scope example has those words");
  }

  @Test
  void a_message_without_known_words_gets_no_opinion() {
    SecondOpinion.Verdict v = OPINION.of("xyzzy plugh");
    assertNull(v.entry());
    assertNull(v.flow());
    assertFalse(v.firstIs(null));
  }

  @Test
  void on_a_large_knowledge_base_a_word_most_entries_use_picks_nothing() {
    List<FaqEntry> many = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add(entry("e" + i, "oppgradering x" + i, "svar"));
    }
    SecondOpinion large = SecondOpinion.of(many);
    assertNull(large.of("oppgradering").entry(), "used by every entry: skipped");
    assertEquals("e7", large.of("x7").entry(), "used by one");
    assertEquals("e7", large.of("oppgradering x7").entry());
  }
}
