package no.faqbot.chat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.faqbot.format.WordLists;

/**
 * Words that mark a message as a report that something fails ("feil", "error", "avvist", "401"), in
 * bokmål, nynorsk, English and (read as bokmål first) Danish and Swedish. A report that something
 * is wrong is met by a guided flow when one matches: it checks the causes one by one. A question
 * about how something works is not a report, and gets the answer.
 */
final class ProblemSignal {
  private static final Set<String> WORDS = WordLists.words("problem-words");

  /**
   * These only signal a failure together with a negation ("går ikke gjennom", "never completes").
   */
  private static final Set<String> NEEDS_NEGATION = WordLists.words("problem-needs-negation");

  private static final Set<String> NEGATIONS = WordLists.words("negations");

  /**
   * Words that, just before a test word, describe the symptom of a shop left in test mode: "only
   * test orders", "all orders are test", "shown as test".
   */
  private static final Set<String> ONLY = WordLists.words("problem-only");

  /** Verb forms of "test": "we only test" describes what the merchant does, not a symptom. */
  private static final Set<String> TEST_VERBS = WordLists.words("test-verbs");

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

  /**
   * Words opening a condition ("hvis testkjøpet feiler", "if the test fails"): the rest of their
   * clause is what might happen, not what did.
   */
  private static final Set<String> CONDITIONALS = WordLists.words("conditionals");

  /** Words that open a condition only first in their clause (elsewhere "om" means "about"). */
  private static final Set<String> CONDITIONALS_AT_START = WordLists.words("conditionals-at-start");

  /** Where one clause ends and the next begins. */
  private static final Pattern CLAUSE_END = Pattern.compile("[,;:.!?()\\n–—]+");

  static boolean reportsFailure(String message) {
    List<String> words = asserted(message);
    boolean negated = words.stream().anyMatch(NEGATIONS::contains);
    return words.stream().anyMatch(w -> WORDS.contains(w) || negated && NEEDS_NEGATION.contains(w))
        || onlyTest(words)
        // each pattern only where its one required character is: most messages have neither
        || message.indexOf('_') >= 0 && ERROR_CODE.matcher(message).find()
        || quotes(message)
            && QUOTED_REPORT.matcher(message.toLowerCase(java.util.Locale.ROOT)).find();
  }

  /** Whether {@code message} holds an opening quote {@link #QUOTED_REPORT} looks for. */
  private static boolean quotes(String message) {
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\'' || c == '"' || c == '«' || c == '“') {
        return true;
      }
    }
    return false;
  }

  /**
   * The message's words that assert something: each clause up to a word opening a condition. "Hva
   * sender vi hvis testkjøpet feiler?" asks what to send; it reports nothing.
   */
  private static List<String> asserted(String message) {
    List<String> kept = new java.util.ArrayList<>();
    for (String clause : CLAUSE_END.split(message)) {
      List<String> words = SmallTalk.lexiconWords(clause);
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        if (CONDITIONALS.contains(word) || i == 0 && CONDITIONALS_AT_START.contains(word)) {
          break;
        }
        kept.add(word);
      }
    }
    return kept;
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
