package no.faqbot.chat;

import java.util.List;
import java.util.Set;
import no.faqbot.format.WordLists;

/**
 * A message about another payment provider's service and not about Klarna at all (a payment
 * terminal that stops, another provider's app or API failing). It shares words with the Klarna
 * problems (test payment, fails, 401), but this FAQ cannot help with it, and starting a Klarna
 * troubleshooting flow would send the merchant down the wrong path. A message naming both
 * (switching from one to Klarna, comparing them) is left to the search.
 */
final class OtherProvider {
  /**
   * Payment providers and terminals merchants in the Nordics name; lower case, each one word as
   * {@link SmallTalk#words} splits a message (a name with a dot in it would never match).
   */
  private static final Set<String> NAMES = WordLists.words("payment-providers");

  /** Wallets and providers named in two words, as a message's adjacent words. */
  private static final Set<String> TWO_WORD_NAMES = WordLists.words("payment-providers-two-words");

  /** Words that put Klarna in the message. */
  private static final List<String> KLARNA = WordLists.lines("klarna-words");

  private OtherProvider() {}

  /** Whether {@code message} names another payment provider and nothing of Klarna's. */
  static boolean only(String message) {
    return only(MessageWords.of(message));
  }

  /** {@link #only(String)} for a message already split. */
  static boolean only(MessageWords message) {
    List<String> words = message.words();
    return (words.stream().anyMatch(NAMES::contains) || namesTwoWordProvider(words))
        && words.stream().noneMatch(w -> KLARNA.stream().anyMatch(w::startsWith));
  }

  private static boolean namesTwoWordProvider(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (TWO_WORD_NAMES.contains(words.get(i) + " " + words.get(i + 1))) {
        return true;
      }
    }
    return false;
  }
}
