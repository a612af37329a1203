package no.faqbot.chat;

import java.util.List;
import java.util.Set;
import no.faqbot.format.WordLists;

/**
 * Evidence in a message's own words that its writer is a consumer asking about their own purchase
 * (a buyer's "my invoice", "I returned", a reminder or debt collection letter, their card or app)
 * and not a merchant. Such a message overlaps merchant entries in its words (refunds, invoices,
 * orders) but is not theirs to answer, so it is recognised before the search. Any sign of a
 * merchant (customers, our shop, plugin, integration, testing) outweighs it: a merchant quoting a
 * customer is still a merchant.
 */
final class ConsumerSignal {
  /** Things only a buyer has or gets: reminders, collection letters, a credit limit. */
  private static final List<String> BUYER_THINGS = WordLists.lines("buyer-things");

  /** First-person possessives; "min faktura" / "fakturaen min" / "my card". */
  private static final Set<String> MY = WordLists.words("possessives");

  /** What a buyer calls their own (word beginnings, so inflections and compounds count). */
  private static final List<String> OWNED = WordLists.lines("buyer-owned");

  /** A buyer's own acts after "jeg" / "I": bought, returned, paid. */
  private static final Set<String> BUYER_ACTS = WordLists.words("buyer-acts");

  private static final Set<String> FIRST_PERSON = WordLists.words("first-person");

  /** Words only a merchant (or their developer) uses about their business. */
  private static final Set<String> MERCHANT = WordLists.words("merchant-words");

  /**
   * Beginnings of merchant words: a shop's platform, its integration, its testing (see {@link
   * #SHOP}).
   */
  private static final List<String> MERCHANT_STEMS = WordLists.lines("merchant-stems");

  private ConsumerSignal() {}

  /** Whether {@code message} reads as a consumer's question about their own purchase. */
  static boolean isConsumer(String message) {
    return isConsumer(MessageWords.of(message));
  }

  /** {@link #isConsumer(String)} for a message already split. */
  static boolean isConsumer(MessageWords message) {
    // The words as written: the neighbours' lexicon would read a Danish "I" (you) into "dere".
    List<String> words = message.words();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (merchant(w) || shop(w) && !(i > 0 && AT.contains(words.get(i - 1)))) {
        return false;
      }
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (BUYER_THINGS.stream().anyMatch(w::startsWith)) {
        return true;
      }
      if (MY.contains(w) && (owned(words, i - 1) || owned(words, i + 1) || owned(words, i + 2))) {
        return true;
      }
      if (FIRST_PERSON.contains(w) && (act(words, i + 1) || act(words, i + 2))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A shop: the merchant's own business, unless it follows one of {@link #AT}, which make it the
   * place a buyer was ("avvist i butikken", "at the store").
   */
  private static final Set<String> SHOP = WordLists.words("shop-words");

  private static final List<String> SHOP_STEMS = WordLists.lines("shop-stems");

  private static final Set<String> AT = WordLists.words("place-words");

  private static boolean shop(String word) {
    return SHOP.contains(word) || SHOP_STEMS.stream().anyMatch(word::startsWith);
  }

  private static boolean merchant(String word) {
    return MERCHANT.contains(word) || MERCHANT_STEMS.stream().anyMatch(word::startsWith);
  }

  private static boolean owned(List<String> words, int i) {
    return i >= 0 && i < words.size() && OWNED.stream().anyMatch(words.get(i)::startsWith);
  }

  private static boolean act(List<String> words, int i) {
    return i >= 0 && i < words.size() && BUYER_ACTS.contains(words.get(i));
  }
}
