package no.faqbot.search;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import no.faqbot.content.FaqEntry;

/**
 * A message's plan, searched in the ways the chat needs. The entries it matches and their bounds
 * are found once, and each entry's fit is measured at most once, however many ways it is searched.
 */
public final class PlannedMessage {
  private final QueryPlan plan;
  private final Supplier<Candidates> search;
  private Candidates candidates;

  PlannedMessage(QueryPlan plan, Supplier<Candidates> search) {
    this.plan = plan;
    this.search = search;
  }

  /** Entries, flows and out-of-scope examples, best first. */
  public List<SearchHit> withScope(int limit) {
    return candidates().best(limit, e -> true, Candidates.ANY);
  }

  /** Whether the message opens a clause with a question word (how, why, what, ...). */
  public boolean asksQuestion() {
    return plan.asks() != QuestionWord.NONE;
  }

  /**
   * The share of the message's weight in words the content knows (some variant matches): low for a
   * message about something else, whatever its few shared words match.
   */
  public double knownShare() {
    double all = 0;
    double known = 0;
    for (QueryPlan.QueryTerm t : plan.terms()) {
      all += t.weight();
      known += t.variants().isEmpty() ? 0 : t.weight();
    }
    return all == 0 ? 0 : known / all;
  }

  /** How many terms the message has once analysed (stop words left out). */
  public int termCount() {
    return plan.terms().size();
  }

  /** Only the guided flows, best first: for a message that reports a problem. */
  public List<SearchHit> flows(int limit) {
    return candidates().best(limit, FaqEntry::isFlowTrigger, Candidates.FLOW);
  }

  /** Only the out-of-scope examples, best first. */
  public List<SearchHit> outOfScope(int limit) {
    return candidates().best(limit, FaqEntry::isOutOfScope, Candidates.OUT_OF_SCOPE);
  }

  /**
   * Only the entries that answer (neither flows' triggers nor out-of-scope examples) and pass
   * {@code which}, best first, at most {@code limit}.
   */
  public List<SearchHit> answers(int limit, Predicate<FaqEntry> which) {
    return candidates().best(limit, which, Candidates.PLAIN);
  }

  /** The hits whose entries pass {@code which}, best first, at most {@code limit}. */
  public List<SearchHit> best(int limit, Predicate<FaqEntry> which) {
    return candidates().best(limit, which, Candidates.ANY);
  }

  private Candidates candidates() {
    if (candidates == null) {
      candidates = search.get();
    }
    return candidates;
  }
}
