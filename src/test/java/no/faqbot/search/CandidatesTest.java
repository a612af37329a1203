package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.Fixtures;
import no.faqbot.TestSettings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.knowledge.IndexStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidates' bounds are added up from the index's postings and only the best few kept: the
 * served fixture content, built and then reused (its analysis read back from the index folder),
 * must give every entry the bound of its definition to the last bit, and rank as if all were kept.
 */
class CandidatesTest {
  @TempDir static Path tmp;
  private static SearchIndex built;
  private static SearchIndex reused;

  private static final List<String[]> MESSAGES =
      List.of(
          new String[] {"hvor finner jeg butikk-id", "nb"},
          new String[] {"kan jeg laste ned utbetalingsrapporten som csv", "nb"},
          new String[] {"testkjøpet går ikke gjennom, får en feilmelding", "nb"},
          new String[] {"ordre betaling rapport klarna checkout plugin oppgradere", "nb"},
          new String[] {"where do I find the logs app", "en"},
          new String[] {"payment order report upgrade plugin store", "en"});

  @BeforeAll
  static void open() {
    Path content = Fixtures.content(TestSettings.FIXTURE, tmp);
    Path index = tmp.resolve("index");
    built = open(content, index);
    assertEquals(no.faqbot.search.OpenedIndex.Outcome.BUILT, built.outcome());
    reused = open(content, index);
    assertEquals(no.faqbot.search.OpenedIndex.Outcome.REUSED, reused.outcome());
  }

  private static SearchIndex open(Path content, Path index) {
    return new IndexStore(index)
        .searchIndex(new ContentLoader(content, new MarkdownRenderer()).load(), new TextAnalysis());
  }

  @AfterAll
  static void close() {
    built.close();
    reused.close();
  }

  @Test
  void every_entry_sharing_a_term_is_a_candidate_with_its_defined_bound() {
    for (SearchIndex index : List.of(built, reused)) {
      for (String[] m : MESSAGES) {
        Map<Integer, Double> bounds = index.candidates(m[0], m[1], Integer.MAX_VALUE).bounds();
        Map<Integer, Double> defined = new HashMap<>();
        for (int ordinal = 0; ordinal < index.ordinalCount(); ordinal++) {
          if (index.searches(m[1], ordinal)) {
            double bound = index.definedBound(m[0], m[1], ordinal);
            if (bound > 0) {
              defined.put(ordinal, bound);
            }
          }
        }
        assertTrue(defined.size() > 3, "the message shares terms with several entries: " + m[0]);
        assertEquals(defined, new HashMap<>(bounds), m[0]);
      }
    }
  }

  @Test
  void keeping_the_best_few_ranks_as_keeping_all() {
    for (String[] m : MESSAGES) {
      Candidates all = reused.candidates(m[0], m[1], Integer.MAX_VALUE);
      for (int keep : new int[] {1, 3, Candidates.KEPT}) {
        Candidates few = reused.candidates(m[0], m[1], keep);
        for (int kinds :
            new int[] {
              Candidates.ANY, Candidates.PLAIN, Candidates.FLOW, Candidates.OUT_OF_SCOPE
            }) {
          for (int limit : new int[] {1, 4, 10}) {
            assertEquals(
                all.best(limit, e -> true, kinds),
                few.best(limit, e -> true, kinds),
                m[0] + " keeping " + keep + ", kinds " + kinds + ", limit " + limit);
          }
        }
        assertEquals(
            all.best(4, e -> e.id().hashCode() % 3 == 0, Candidates.ANY),
            few.best(4, e -> e.id().hashCode() % 3 == 0, Candidates.ANY),
            m[0] + " keeping " + keep + " with a filter that passes a third");
      }
    }
  }

  @Test
  void the_analysis_read_back_ranks_as_the_one_just_made() {
    for (String[] m : MESSAGES) {
      assertEquals(
          built.candidates(m[0], m[1], Candidates.KEPT).best(6, e -> true, Candidates.ANY),
          reused.candidates(m[0], m[1], Candidates.KEPT).best(6, e -> true, Candidates.ANY),
          m[0]);
    }
  }
}
