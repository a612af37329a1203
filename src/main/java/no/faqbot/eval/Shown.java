package no.faqbot.eval;

import java.util.List;
import java.util.function.BiFunction;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.Evidence;
import no.faqbot.chat.ReplyModel;
import no.faqbot.search.SearchHit;

/**
 * What a merchant is shown for one message, whoever decided it: the chat's reply ({@code faqbot
 * eval}) or the reply model's choice over a message's evidence ({@code faqbot calibrate}). One
 * {@link Judge} scores both, so the two commands cannot count outcomes differently.
 *
 * @param kind what sort of reply
 * @param answer the entry answered with (for {@link Kind#ANSWER})
 * @param flow the flow started (for {@link Kind#FLOW})
 * @param offeredFlow the flow an answer offers to start, or null
 * @param suggestions the entries offered to pick from
 */
record Shown(Kind kind, Entry answer, String flow, String offeredFlow, List<Entry> suggestions) {
  enum Kind {
    ANSWER,
    FLOW,
    SUGGESTIONS,
    /** Asked for a figure the entry does not give: the entry is offered as related. */
    NO_FIGURE,
    /** Fallback, out of scope, small talk: nothing claimed. */
    NOTHING
  }

  /** An entry as the judge needs it: its id and answer text (null when unknown). */
  record Entry(String id, String answerText) {}

  Shown {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  /**
   * The chat's reply; {@code answerText} finds a suggested entry's answer by id and language, in
   * the language the reply is in.
   */
  static Shown of(ChatReply reply, String pageLang, BiFunction<String, String, String> answerText) {
    String lang = reply.lang() != null ? reply.lang() : pageLang;
    List<Entry> suggestions =
        reply.suggestions().stream()
            .map(s -> new Entry(s.id(), answerText.apply(s.id(), lang)))
            .toList();
    return switch (reply.type()) {
      case ANSWER ->
          new Shown(
              Kind.ANSWER,
              new Entry(reply.answer().id(), reply.answer().answer()),
              null,
              reply.action() == null ? null : reply.action().flow(),
              suggestions);
      case FLOW -> new Shown(Kind.FLOW, null, reply.flow().id(), null, suggestions);
      case SUGGESTIONS -> new Shown(Kind.SUGGESTIONS, null, null, null, suggestions);
      case NO_FIGURE -> new Shown(Kind.NO_FIGURE, null, null, null, suggestions);
      default -> new Shown(Kind.NOTHING, null, null, null, List.of());
    };
  }

  /** The reply model's choice, as the chat would show it. */
  static Shown of(ReplyModel.Choice choice) {
    Evidence e = choice.evidence();
    return switch (choice.action()) {
      case ANSWER ->
          new Shown(Kind.ANSWER, entry(e.answer()), null, e.answer().entry().flow(), List.of());
      case FLOW -> new Shown(Kind.FLOW, null, e.flow().entry().flow(), null, List.of());
      case SUGGEST ->
          new Shown(
              Kind.SUGGESTIONS, null, null, null, e.offered().stream().map(Shown::entry).toList());
      case FALLBACK -> new Shown(Kind.NOTHING, null, null, null, List.of());
    };
  }

  static Entry entry(SearchHit hit) {
    return new Entry(hit.entry().id(), hit.entry().answerText());
  }
}
