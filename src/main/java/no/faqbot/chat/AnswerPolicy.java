package no.faqbot.chat;

import no.faqbot.search.SearchHit;

/**
 * The hand thresholds left beside the calibrated {@link ReplyModel}: which hits are good enough to
 * offer as suggestions, and when the out-of-scope examples fit a message clearly better than any
 * entry (an out-of-scope example must fit as well as an answer would).
 *
 * @param answerCoverage the top hit must explain at least this share of the message to answer
 * @param suggestCoverage hits explaining less are not offered at all
 * @param minEvidence the top hit must also match about this many rare terms' worth of words, so a
 *     single common word ("dag", "god") in a short off-topic message is never enough
 * @param minScore the top hit's fit (its score) must reach this to answer
 * @param shortCoverage a short message needs less evidence when its top hit explains at least this
 *     share of it and leads the runner-up by {@code shortMargin}
 * @param flowEvidence the evidence a hit that starts a guided flow needs: a flow asks before it
 *     advises, so starting one on a little less evidence costs the merchant one click at worst
 * @param margin the top hit must lead the runner-up by this much in score to answer alone
 * @param scopeLead an out-of-scope reply's examples must fit the message this much better than the
 *     best entry (and be good enough to answer with), since wrongly turning a merchant away costs
 *     more
 */
public record AnswerPolicy(
    double answerCoverage,
    double suggestCoverage,
    double minEvidence,
    double minScore,
    double margin,
    double shortCoverage,
    double shortMargin,
    double flowEvidence,
    double scopeLead) {
  public static final AnswerPolicy DEFAULT =
      new AnswerPolicy(0.25, 0.25, 1.0, 0.40, 0.0, 0.75, 0.08, 0.6, 0.05);

  /**
   * Whether the out-of-scope examples' hit {@code scope} beats the best entry, scoring {@code
   * best}.
   */
  public boolean outOfScope(SearchHit scope, double best) {
    return scope.score() >= best + scopeLead && answers(scope, best);
  }

  /** Whether {@code top} may be given as the answer when the runner-up scores {@code runnerUp}. */
  public boolean answers(SearchHit top, double runnerUp) {
    double lead = top.score() - runnerUp;
    boolean enoughEvidence =
        top.evidence() >= (top.entry().flow() != null ? flowEvidence : minEvidence)
            || (top.coverage() >= shortCoverage && lead >= shortMargin);
    return top.coverage() >= answerCoverage
        && top.score() >= minScore
        && lead >= margin
        && enoughEvidence;
  }
}
