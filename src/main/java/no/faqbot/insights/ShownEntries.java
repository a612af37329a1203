package no.faqbot.insights;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatTurn;

/**
 * Which entries each recent conversation was shown (the answer, its related questions, the
 * suggestions), so that a pick ({@code GET /api/entries/{id}?conversation=...}) is recorded only
 * for an entry the widget could have offered: anyone can fetch any entry, but only a real
 * conversation's clicks count in the insights. Bounded: the least recently active conversations are
 * forgotten first, and each keeps at most {@link #MAX_PER_CONVERSATION} ids.
 */
public final class ShownEntries {
  /** A conversation's ids beyond this are not remembered (a real one shows a few dozen at most). */
  static final int MAX_PER_CONVERSATION = 64;

  /** About 100 bytes of map and a few references each: a few MB at most. */
  public static final int DEFAULT_CONVERSATIONS = 20_000;

  private final Map<String, Set<String>> shown;

  public ShownEntries(int maxConversations) {
    this.shown =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > maxConversations;
          }
        };
  }

  /** Remembers what {@code turn}'s reply showed, when it belongs to a conversation. */
  public void remember(ChatTurn turn) {
    ChatReply reply = turn.reply();
    if (reply == null) {
      return;
    }
    List<String> ids = new ArrayList<>();
    if (reply.answer() != null) {
      ids.add(reply.answer().id());
      reply.answer().related().forEach(r -> ids.add(r.id()));
    }
    reply.suggestions().forEach(s -> ids.add(s.id()));
    if (reply.flow() != null) {
      reply.flow().entries().forEach(e -> ids.add(e.id()));
    }
    remember(turn.conversation(), ids);
  }

  /**
   * Remembers that {@code conversation} was shown {@code ids} (typeahead suggestions, an opened
   * entry's related questions); nothing for an id the widget would not make.
   */
  public void remember(String conversation, List<String> ids) {
    String id = EventRecorder.conversation(conversation);
    if (id == null || ids.isEmpty()) {
      return;
    }
    synchronized (shown) {
      Set<String> known = shown.computeIfAbsent(id, c -> new HashSet<>());
      for (String entry : ids) {
        if (known.size() < MAX_PER_CONVERSATION) {
          known.add(entry);
        }
      }
    }
  }

  /** Whether {@code conversation} was shown {@code entryId}. */
  public boolean wasShown(String conversation, String entryId) {
    synchronized (shown) {
      Set<String> known = shown.get(conversation);
      return known != null && known.contains(entryId);
    }
  }

  /** How many conversations are remembered now. */
  public int size() {
    synchronized (shown) {
      return shown.size();
    }
  }
}
