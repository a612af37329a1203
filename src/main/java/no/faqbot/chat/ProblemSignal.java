package no.faqbot.chat;

import java.util.List;
import java.util.Set;

/**
 * Words that mark a message as a report that something fails ("feil", "error", "avvist", "401").
 * When a message reports a failure and a guided flow is nearly as good a match as the best
 * answer, the flow is the better help: it checks the causes one by one.
 */
final class ProblemSignal {
  private static final Set<String> WORDS = Set.of(
      "feil", "feilen", "feiler", "feilet", "feilmelding", "feilkode", "error", "errors", "fails", "failed", "failing",
      "avvist", "avvises", "avviser", "nektet", "nektes", "rejected", "declined", "denied", "virker", "fungerer", "funker",
      "works", "working", "ugyldig", "invalid", "401", "403", "unauthorized", "forbidden", "problem", "problemer");
  /** "virker/fungerer/funker/works" only signal a failure together with a negation. */
  private static final Set<String> NEEDS_NEGATION = Set.of("virker", "fungerer", "funker", "works", "working");
  private static final Set<String> NEGATIONS = Set.of("ikke", "ikkje", "not", "doesn't", "don't", "isn't", "aldri", "never");

  /** How close (in score) a flow must be to the best hit to be preferred for a failure report. */
  static final double FLOW_PREFERENCE = 0.1;

  private ProblemSignal() {}

  static boolean reportsFailure(String message) {
    List<String> words = SmallTalk.words(message);
    boolean negated = words.stream().anyMatch(NEGATIONS::contains);
    return words.stream().anyMatch(w -> WORDS.contains(w) && (!NEEDS_NEGATION.contains(w) || negated));
  }
}
