package no.faqbot.chat;

import java.util.List;
import java.util.Set;
import no.faqbot.search.NeighbourSpelling;

/**
 * Words that mark a message as a report that something fails ("feil", "error", "avvist", "401"), in
 * bokmål, nynorsk, English and (read as bokmål first) Danish and Swedish. A report that something
 * is wrong is met by a guided flow when one matches: it checks the causes one by one. A question
 * about how something works is not a report, and gets the answer.
 */
final class ProblemSignal {
  private static final Set<String> WORDS =
      Set.of(
          "feil",
          "feilen",
          "feiler",
          "feilet",
          "feilmelding",
          "feilkode",
          "fejl",
          "fejlen",
          "fel",
          "felet",
          "error",
          "errors",
          "fails",
          "failed",
          "failing",
          "failure",
          "avvist",
          "avviste",
          "avvises",
          "avviser",
          "avvisad",
          "afvist",
          "nektet",
          "nektes",
          "rejected",
          "rejects",
          "declined",
          "denied",
          "ugyldig",
          "ugyldige",
          "invalid",
          "400",
          "401",
          "403",
          "500",
          "unauthorized",
          "forbidden",
          "problem",
          "problemer",
          "avbrytes",
          "avbryts",
          "avbrutt",
          "stopper",
          "stanser",
          "henger",
          "mislykkes",
          "misslyckas",
          "mislyktes",
          "wrong",
          "krasjer",
          "crash",
          "crashes",
          "pending",
          "timeout");

  /**
   * These only signal a failure together with a negation ("går ikke gjennom", "never completes").
   */
  private static final Set<String> NEEDS_NEGATION =
      Set.of(
          "virker",
          "fungerer",
          "fungerar",
          "funker",
          "works",
          "working",
          "godtatt",
          "godtas",
          "godkjent",
          "godkjennes",
          "godkänns",
          "accepted",
          "gjennom",
          "videre",
          "forbi",
          "completes",
          "complete",
          "dukker",
          "kobler",
          "skjer",
          "happens",
          "happen",
          "vises",
          "finnes",
          "show",
          "shows",
          "appear",
          "appears");

  private static final Set<String> NEGATIONS =
      Set.of(
          "ikke",
          "ikkje",
          "inte",
          "not",
          "never",
          "aldri",
          "aldrig",
          "doesn",
          "don",
          "isn",
          "didn",
          "won",
          "aren",
          "wasn",
          "nothing",
          "ingenting",
          "ingen",
          "no");

  /** How close (in score) a flow must be to the best hit to be preferred for a failure report. */
  static final double FLOW_PREFERENCE = 0.1;

  private ProblemSignal() {}

  static boolean reportsFailure(String message) {
    List<String> words = SmallTalk.words(message).stream().map(NeighbourSpelling::lexicon).toList();
    boolean negated = words.stream().anyMatch(NEGATIONS::contains);
    return words.stream().anyMatch(w -> WORDS.contains(w) || negated && NEEDS_NEGATION.contains(w));
  }
}
