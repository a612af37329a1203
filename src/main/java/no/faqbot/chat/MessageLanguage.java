package no.faqbot.chat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import no.faqbot.format.WordLists;

/**
 * The language to answer a message in. Merchants type English on the Norwegian page and Norwegian,
 * Danish or Swedish on the English one; each is best answered from its own language's entries.
 * Danish, Swedish and nynorsk read as Norwegian. The page's language stands unless the message's
 * function words say clearly otherwise: a few shared loan words ("checkout", "test") never switch
 * it.
 */
final class MessageLanguage {
  /** Words telling English from the Scandinavian languages; data in {@code language-markers}. */
  private static final Set<String> ENGLISH = Set.copyOf(WordLists.lines("language-markers", "en"));

  private static final Set<String> NORDIC = nordic();

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  /** Letters no English word has: a word holding one counts as Scandinavian. */
  private static final Pattern NORDIC_LETTER = Pattern.compile("[æøåäö]");

  /** How many more marker words the other language needs before the page's is set aside. */
  private static final int MARGIN = 2;

  private MessageLanguage() {}

  /** {@code en} or {@code nb} for {@code message} typed on a page in {@code pageLang}. */
  static String of(String message, String pageLang) {
    int english = 0;
    int nordic = 0;
    var words = WORD.matcher(message.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String word = words.group();
      if (ENGLISH.contains(word)) {
        english++;
      } else if (NORDIC.contains(word) || NORDIC_LETTER.matcher(word).find()) {
        nordic++;
      }
    }
    if ("en".equals(pageLang)) {
      return nordic >= english + MARGIN ? "nb" : "en";
    }
    return english >= nordic + MARGIN ? "en" : pageLang;
  }

  private static Set<String> nordic() {
    var all = new java.util.HashSet<String>();
    for (String lang : new String[] {"nb", "nn", "da", "sv"}) {
      all.addAll(WordLists.lines("language-markers", lang));
    }
    return Set.copyOf(all);
  }
}
