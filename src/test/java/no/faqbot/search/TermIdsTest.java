package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sets of term ids: what a phrasing or an answer contains, short or long. */
class TermIdsTest {
  @Test
  void a_short_set_holds_each_id_once_and_nothing_else() {
    TermIds set = TermIds.of(new int[] {7, 3, 7, 12, 3, 99}, 5);
    assertEquals(3, set.size()); // 3, 7, 12: the sixth value is past the count
    for (int id : new int[] {3, 7, 12}) {
      assertTrue(set.get(id), "has " + id);
    }
    for (int id : new int[] {0, 2, 4, 8, 13, 99, Integer.MAX_VALUE}) {
      assertFalse(set.get(id), "lacks " + id);
    }
  }

  @Test
  void a_long_set_finds_its_ids_as_a_short_one_does() {
    int[] odd = IntStream.range(0, 500).map(i -> 2 * i + 1).toArray();
    TermIds set = TermIds.of(odd.clone(), odd.length);
    assertEquals(500, set.size());
    for (int id = -1; id < 1_100; id++) {
      assertEquals(id % 2 == 1 && id < 1_000, set.get(id), "id " + id);
    }
  }

  @Test
  void a_long_sparse_set_finds_its_ids_as_a_dense_one_does() {
    // ids far apart (a large vocabulary): kept as ids only, searched by halves
    int[] sparse = IntStream.range(0, 40).map(i -> 1_000 * i + 17).toArray();
    TermIds set = TermIds.of(sparse.clone(), sparse.length);
    assertEquals(40, set.size());
    for (int id = -1; id < 41_000; id++) {
      assertEquals(id >= 0 && id % 1_000 == 17 && id < 40_000, set.get(id), "id " + id);
    }
    assertFalse(TermIds.of(new int[] {1, 3, 5}, 3).get(-1));
  }

  @Test
  void the_union_of_phrasings_has_every_id_of_each() {
    TermIds a = TermIds.of(new int[] {1, 5}, 2);
    TermIds b = TermIds.of(new int[] {5, 9, 2}, 3);
    TermIds union = TermIds.union(a, b, TermIds.EMPTY);
    assertEquals(4, union.size());
    for (int id : new int[] {1, 2, 5, 9}) {
      assertTrue(union.get(id), "has " + id);
    }
    assertFalse(union.get(3));
    assertEquals(0, TermIds.of(new int[0], 0).size());
  }
}
