package no.faqbot.insights;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.SearchHit;

/**
 * What the "add to entry" field names: an entry id, or the words of an entry's question (its
 * placeholder invites typing the question), found by the search the chat uses. When neither finds
 * one entry for sure, the closest entries come back as candidates to pick from.
 */
final class EntryPicker {
  /** Candidates offered when the field's text names no entry. */
  static final int CANDIDATES = 5;

  private final KnowledgeBase knowledge;

  EntryPicker(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /** The field named no entry; {@link #candidates} are the closest, best first. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient List<FaqEntry> candidates;

    NotFound(String typed, String lang, List<FaqEntry> candidates) {
      super(
          "no entry '"
              + typed
              + "' in language '"
              + lang
              + "': give an entry id"
              + (candidates.isEmpty() ? "" : " or pick one of the candidates"));
      this.candidates = List.copyOf(candidates);
    }
  }

  /**
   * The entry in {@code lang} that {@code typed} names: by id, then by its question or an
   * alternative word for word (case aside).
   *
   * @throws NotFound with the closest entries when none fits for sure
   */
  FaqEntry pick(String typed, String lang) {
    String text = typed.strip();
    var content = knowledge.current().content();
    Optional<FaqEntry> byId =
        content.entry(text, lang).filter(e -> e.lang().equals(lang) && !e.isFlowTrigger());
    if (byId.isPresent()) {
      return byId.get();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    List<FaqEntry> exact =
        content.entries(lang).stream()
            .filter(
                e ->
                    e.question().toLowerCase(Locale.ROOT).equals(lower)
                        || e.alternatives().stream()
                            .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower)))
            .toList();
    if (exact.size() == 1) {
      return exact.get(0);
    }
    throw new NotFound(text, lang, exact.isEmpty() ? search(text, lang) : exact);
  }

  /** The entries in {@code lang} the search finds for {@code text}, best first. */
  List<FaqEntry> search(String text, String lang) {
    if (text.isBlank()) {
      return List.of();
    }
    String q = text.length() > 500 ? text.substring(0, 500) : text;
    return knowledge.withIndex(
        index ->
            index.search(q, lang, CANDIDATES + 3, null).stream()
                .map(SearchHit::entry)
                .filter(e -> e.lang().equals(lang) && !e.isFlowTrigger() && !e.isOutOfScope())
                .limit(CANDIDATES)
                .toList());
  }
}
