package no.faqbot.eval;

import java.util.Locale;

/**
 * What the merchant got, from best to worst. Only {@link #RIGHT} counts as right; {@link #WRONG} is
 * the outcome that hurts: an answer or flow that is not the right one, or any answer or flow where
 * the bot must not pretend to know.
 */
public enum Outcome {
  /** The right answer or flow; for none and off-topic items, an honest reply. */
  RIGHT,
  /** Suggestions holding the right entry, or an answer offering the right flow: one click away. */
  ONE_CLICK,
  /** Fallback, out of scope or no figure: the bot said it does not know. */
  HONEST,
  /** Suggestions without the right entry (for an off-topic item, any suggestions). */
  UNRELATED,
  /** An answer or flow that is not the right one. */
  WRONG;

  /** The name printed in reports: {@code one click}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
