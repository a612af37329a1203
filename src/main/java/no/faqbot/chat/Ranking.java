package no.faqbot.chat;

import java.util.List;
import no.faqbot.search.SearchHit;

/**
 * The first two hits the search ranked for a message, filled in while answering it so the turn can
 * be recorded with them; both null when no search ran (small talk, a flow step).
 */
public final class Ranking {
  private SearchHit first;
  private SearchHit second;

  void of(List<SearchHit> hits) {
    first = hits.isEmpty() ? null : hits.get(0);
    second = hits.size() < 2 ? null : hits.get(1);
  }

  public SearchHit first() {
    return first;
  }

  public SearchHit second() {
    return second;
  }
}
