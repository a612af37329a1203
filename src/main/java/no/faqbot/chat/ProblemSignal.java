package no.faqbot.chat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
          "timeout",
          "galt",
          "gale",
          "fejlede",
          "fejler",
          "misslyckades",
          "misslyckats",
          "nekad",
          "nekades",
          "avvisades",
          "afvises",
          "snurrer",
          "snurrar");

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
          "appears",
          "available",
          "tilgjengelig",
          "found",
          "allowed",
          "valid",
          "fungerade",
          "virkede",
          "lykkes",
          "lyktes",
          "accepteret",
          "accepteres",
          "accepterat",
          "accepteras",
          "godkendt",
          "godkendes",
          "godkänd",
          "godkänt",
          "visible",
          "synlig",
          "synlige",
          "lagret",
          "saved",
          "arrive",
          "arrives");

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
          "none",
          "inga",
          "no");

  /**
   * Words that, just before a test word, describe the symptom of a shop left in test mode: "only
   * test orders", "all orders are test", "shown as test".
   */
  private static final Set<String> ONLY =
      Set.of("bare", "kun", "only", "just", "endast", "enbart", "alle", "all", "som", "as");

  /** Verb forms of "test": "we only test" describes what the merchant does, not a symptom. */
  private static final Set<String> TEST_VERBS =
      Set.of(
          "teste", "tester", "testet", "testa", "testar", "testat", "testing", "tested", "tests");

  /**
   * An error code as software writes it (BAD_VALUE, payment_method_not_available): words joined by
   * underscores. A merchant quoting one is reporting what went wrong.
   */
  private static final Pattern ERROR_CODE = Pattern.compile("\\b\\p{L}+_\\p{L}+(_\\p{L}+)*\\b");

  /**
   * A message quoted from a screen ('...', "...", «...») after a verb that reports what the shop or
   * the module says or shows: "Magento viser «...»", "the plugin says '...'".
   */
  private static final Pattern QUOTED_REPORT =
      Pattern.compile(
          "\\b(viser|sier|står|skriver|gir|får|fikk|fekk|visar|säger|siger|says|shows|returns|"
              + "gives|displays|throws|showing|saying|getting|got)\\b[^'\"«“]{0,40}?\\s['\"«“]\\S");

  /** How close (in score) a flow must be to the best hit to be preferred for a failure report. */
  static final double FLOW_PREFERENCE = 0.1;

  private ProblemSignal() {}

  static boolean reportsFailure(String message) {
    List<String> words = SmallTalk.lexiconWords(message);
    boolean negated = words.stream().anyMatch(NEGATIONS::contains);
    return words.stream().anyMatch(w -> WORDS.contains(w) || negated && NEEDS_NEGATION.contains(w))
        || onlyTest(words)
        || ERROR_CODE.matcher(message).find()
        || QUOTED_REPORT.matcher(message.toLowerCase(java.util.Locale.ROOT)).find();
  }

  /** Whether a test word follows "only" / "all" / "as" within two words. */
  private static boolean onlyTest(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (ONLY.contains(words.get(i))) {
        for (int j = i + 1; j <= i + 2 && j < words.size(); j++) {
          String w = words.get(j);
          if (w.startsWith("test") && !TEST_VERBS.contains(w)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
