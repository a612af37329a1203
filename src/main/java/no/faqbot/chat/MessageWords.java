package no.faqbot.chat;

import java.util.List;
import no.faqbot.search.NeighbourSpelling;

/**
 * A message split into words once for every signal that reads it (small talk, consumer, another
 * provider, a figure question): {@link SmallTalk#words} as written, and the same words with the
 * neighbours' function words read as bokmål ({@link SmallTalk#lexiconWords}).
 */
record MessageWords(List<String> words, List<String> lexicon) {
  static MessageWords of(String message) {
    List<String> words = SmallTalk.words(message);
    return new MessageWords(words, words.stream().map(NeighbourSpelling::lexicon).toList());
  }
}
