package no.faqbot.chat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.faqbot.format.WordLists;
import no.faqbot.search.SearchHit;

/**
 * A question for a figure (an amount, a rate, a number of days, an identifying number) and whether
 * an answer gives one. The nearest entry to "what is the interest rate" is about that product, but
 * if its answer holds no rate it does not answer the question, and saying so is more honest than
 * presenting the entry as the answer.
 */
final class FigureQuestion {
  /** What kind of figure a question asks for. */
  enum Kind {
    MONEY,
    /** A lowest or highest amount: only an amount in a currency gives it, "free" does not. */
    LIMIT,
    RATE,
    DURATION,
    NUMBER
  }

  private static final Set<String> MONEY_WORDS = WordLists.words("money-words");
  private static final Set<String> RATE_WORDS = WordLists.words("rate-words");
  private static final Set<String> NUMBER_WORDS = WordLists.words("number-words");

  /** Openings that make a money/rate word a question for the figure rather than about the topic. */
  private static final List<String> ASKING =
      WordLists.lines("figure-asking").stream().map(o -> " " + o + " ").toList();

  /** Amounts that are limits by themselves. */
  private static final Set<String> LIMIT_WORDS = WordLists.words("limit-words");

  /** How many words after a question opening the figure word may come ("what is the interest"). */
  private static final int ASKED_WITHIN = 3;

  private static final Set<String> LIMITS = WordLists.words("limit-qualifiers");
  private static final List<String> DURATION_ASKS = WordLists.lines("duration-asks");

  private static final Pattern MONEY =
      Pattern.compile(
          "\\d[\\d .,]*\\s*(kr|nok|sek|dkk|eur|euro|usd|€|\\$|%|prosent|percent)|(kr|nok|€|\\$)\\s*\\d|\\bgratis\\b|\\bfree\\b"
              + "|\\bkostnadsfri|\\bingen (kostnad|avgift|gebyr)|\\bno (cost|fee|charge)");
  private static final Pattern AMOUNT =
      Pattern.compile(
          "\\d[\\d .,]*\\s*(kr|nok|sek|dkk|eur|euro|usd|€|\\$|kroner)|(kr|nok|€|\\$)\\s*\\d");
  private static final Pattern RATE =
      Pattern.compile(
          "\\d[\\d.,]*\\s*(%|prosent|percent)|\\brentefri|interest[- ]free" + "|\\b0 ?%");
  private static final Pattern DURATION =
      Pattern.compile(
          "\\d+\\s*(dag|dager|days?|uke|uker|weeks?|timer|hours?|"
              + "måned|måneder|months?|virkedag|business)|\\b(en|ett|to|tre|fire|fem|seks|sju|syv|one|two|three|four|five|six|"
              + "seven)\\s+(dag|dager|days?|uke|uker|weeks?|måned|måneder|months?)"
              // A date answers "how long" too: "until October 2021", "early in 2021".
              + "|\\b(19|20)\\d\\d\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d{3}[\\d ]{3,}");

  /**
   * The share of a figure question the entry must explain for its figure to count as the answer. An
   * entry about something else often holds a figure of the same kind (days to activate an order for
   * a question about days to payout); presenting that figure is a confident wrong answer.
   */
  static final double FIGURE_COVERAGE = 0.5;

  private FigureQuestion() {}

  /** Whether {@code hit}'s entry answers a question for a figure of that kind. */
  static boolean answeredBy(Kind kind, SearchHit hit) {
    return hit.coverage() >= FIGURE_COVERAGE && gives(kind, hit.entry().answerText());
  }

  /** The kind of figure {@code message} asks for, or null when it asks for none. */
  static Kind asks(String message) {
    return asks(MessageWords.of(message));
  }

  /** {@link #asks(String)} for a message already split. */
  static Kind asks(MessageWords message) {
    List<String> words = message.lexicon();
    String text = String.join(" ", words);
    String joined = " " + text + " ";
    boolean limit = words.stream().anyMatch(LIMITS::contains);
    if (asksFor(joined, NUMBER_WORDS) || limit && words.stream().anyMatch(NUMBER_WORDS::contains)) {
      return Kind.NUMBER;
    }
    if (asksFor(joined, RATE_WORDS) || limit && words.stream().anyMatch(RATE_WORDS::contains)) {
      return Kind.RATE;
    }
    if (words.stream().anyMatch(LIMIT_WORDS::contains)
        || words.stream().anyMatch(LIMITS::contains)
            && words.stream().anyMatch(MONEY_WORDS::contains)) {
      return Kind.LIMIT;
    }
    if (DURATION_ASKS.stream().anyMatch(text::contains)) {
      return Kind.DURATION;
    }
    boolean howMuch =
        text.contains("hvor mye")
            || text.contains("how much")
            || text.contains("hva koster")
            || text.contains("hva kostar")
            || text.contains("hvor stort")
            || text.contains("hvor stor ");
    if (howMuch || asksFor(joined, MONEY_WORDS)) {
      return Kind.MONEY;
    }
    return null;
  }

  /**
   * Whether a question opening ("hva er", "which") is followed closely by one of {@code targets}:
   * "hva er renten" asks for the rate, "hva er del opp, med rente" asks what the product is.
   */
  private static boolean asksFor(String joined, Set<String> targets) {
    for (String opening : ASKING) {
      for (int at = joined.indexOf(opening); at >= 0; at = joined.indexOf(opening, at + 1)) {
        String[] next = joined.substring(at + opening.length()).strip().split(" ");
        for (int i = 0; i < Math.min(ASKED_WITHIN, next.length); i++) {
          if (targets.contains(next[i])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether {@code answer} gives a figure of that kind. */
  static boolean gives(Kind kind, String answer) {
    String text = answer.toLowerCase(java.util.Locale.ROOT);
    return switch (kind) {
      case MONEY -> MONEY.matcher(text).find();
      case LIMIT -> AMOUNT.matcher(text).find();
      case RATE -> RATE.matcher(text).find();
      case DURATION -> DURATION.matcher(text).find();
      case NUMBER -> NUMBER.matcher(text).find();
    };
  }
}
