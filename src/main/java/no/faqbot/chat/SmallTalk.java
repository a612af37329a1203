package no.faqbot.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.faqbot.content.CannedReplies;

/**
 * Recognises greetings, thanks and goodbyes from the editors' phrases: a message is small talk when
 * every word in it belongs to such phrases and it contains one of them whole.
 */
final class SmallTalk {
  private record Phrase(String intent, List<String> words) {}

  private final CannedReplies replies;
  private final Map<String, Set<String>> vocabulary = new HashMap<>();
  private final Map<String, List<Phrase>> phrases = new HashMap<>();

  SmallTalk(CannedReplies replies) {
    this.replies = replies;
    for (CannedReplies.Intent intent : replies.intents().values()) {
      intent
          .phrases()
          .forEach(
              (lang, list) -> {
                for (String phrase : list) {
                  List<String> w = words(phrase);
                  if (!w.isEmpty()) {
                    phrases
                        .computeIfAbsent(lang, l -> new ArrayList<>())
                        .add(new Phrase(intent.name(), w));
                    vocabulary.computeIfAbsent(lang, l -> new HashSet<>()).addAll(w);
                  }
                }
              });
    }
  }

  CannedReplies replies() {
    return replies;
  }

  Optional<String> intent(String message, String lang) {
    return intent(MessageWords.of(message), lang);
  }

  /** {@link #intent(String, String)} for a message already split. */
  Optional<String> intent(MessageWords message, String lang) {
    List<String> words = message.words();
    if (words.isEmpty()
        || words.size() > 8
        || !vocabulary.getOrDefault(lang, Set.of()).containsAll(words)) {
      return Optional.empty();
    }
    String best = null;
    int bestLength = 0;
    for (Phrase p : phrases.getOrDefault(lang, List.of())) {
      if (p.words().size() > bestLength && Collections.indexOfSubList(words, p.words()) >= 0) {
        best = p.intent();
        bestLength = p.words().size();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The message's {@link #words}, each Danish, Swedish or nynorsk function word read as its bokmål
   * twin, for rules written with bokmål and English words.
   */
  static List<String> lexiconWords(String text) {
    return MessageWords.of(text).lexicon();
  }

  /** The message's words in lower case: runs of letters and numbers; anything else separates. */
  static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i <= lower.length()) {
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean inWord = Character.isLetter(cp) || isNumber(cp);
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    return words;
  }

  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
