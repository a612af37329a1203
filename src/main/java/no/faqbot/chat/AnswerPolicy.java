package no.faqbot.chat;

/**
 * When a hit is good enough to answer with, close enough to others to offer a choice, or too weak
 * to show at all. Calibrated on the dev eval set ({@code faqbot eval}).
 *
 * @param answerCoverage the top hit must explain at least this share of the message to answer
 * @param suggestCoverage hits explaining less are not offered at all
 * @param minEvidence the top hit must also match about this many rare terms' worth of words, so a
 *     single common word ("dag", "god") in a short off-topic message is never enough
 * @param margin the top hit must lead the runner-up by this much in score to answer alone
 */
public record AnswerPolicy(double answerCoverage, double suggestCoverage, double minEvidence, double margin) {
  public static final AnswerPolicy DEFAULT = new AnswerPolicy(0.40, 0.3, 1.0, 0.005);
}
