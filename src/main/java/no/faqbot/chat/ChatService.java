package no.faqbot.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.faqbot.content.CannedReplies;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.Languages;
import no.faqbot.search.AnswerView;
import no.faqbot.search.KnowledgeBase;
import no.faqbot.search.SearchHit;
import no.faqbot.search.SearchIndex;

/** Answers one message: small talk, one confident answer, a few choices, or an honest fallback. */
public final class ChatService {
  public static final int MAX_MESSAGE_CHARS = 2000;
  private static final int MAX_SUGGESTIONS = 3;

  private final KnowledgeBase knowledge;
  private final AnswerPolicy policy;
  private final AtomicReference<SmallTalk> smallTalk = new AtomicReference<>();

  public ChatService(KnowledgeBase knowledge, AnswerPolicy policy) {
    this.knowledge = knowledge;
    this.policy = policy;
  }

  /**
   * The reply to {@code request}.
   *
   * @throws IllegalArgumentException for a message that is missing, too long or in an unknown language
   */
  public ChatReply reply(ChatRequest request) {
    String lang = request.lang() == null || request.lang().isBlank() ? Languages.DEFAULT : request.lang();
    if (!Languages.isSupported(lang)) {
      throw new IllegalArgumentException("unsupported lang '" + lang + "': use one of " + Languages.ALL);
    }
    String message = request.message();
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message is missing: send {\"message\": \"...\"}");
    }
    if (message.length() > MAX_MESSAGE_CHARS) {
      throw new MessageTooLongException(message.length());
    }
    return knowledge.withIndex(index -> reply(index, message.strip(), lang));
  }

  private ChatReply reply(SearchIndex index, String message, String lang) {
    ContentSnapshot content = index.content();
    SmallTalk talk = smallTalk(content.replies());
    Optional<String> intent = talk.intent(message, lang);
    if (intent.isPresent()) {
      return new ChatReply(ReplyType.SMALLTALK, content.replies().reply(intent.get(), lang), null, List.of(), null);
    }
    List<SearchHit> hits = index.search(message, lang, MAX_SUGGESTIONS + 1, null);
    List<SearchHit> offered = hits.stream().filter(h -> h.coverage() >= policy.suggestCoverage()).toList();
    if (offered.isEmpty()) {
      return new ChatReply(ReplyType.FALLBACK, content.replies().reply("fallback", lang), null, List.of(), null);
    }
    SearchHit top = offered.get(0);
    double runnerUp = offered.size() > 1 ? offered.get(1).score() : 0;
    if (policy.answers(top, runnerUp)) {
      AnswerView answer = AnswerView.of(top.entry(), top.score(), content, lang);
      return new ChatReply(ReplyType.ANSWER, top.entry().question(), answer, List.of(), null);
    }
    List<AnswerView.QuestionRef> choices = offered.stream()
        .limit(MAX_SUGGESTIONS)
        .map(h -> new AnswerView.QuestionRef(h.entry().id(), h.entry().question()))
        .toList();
    return new ChatReply(ReplyType.SUGGESTIONS, content.replies().reply("suggestions", lang), null, choices, null);
  }

  private SmallTalk smallTalk(CannedReplies replies) {
    SmallTalk cached = smallTalk.get();
    if (cached == null || cached.replies() != replies) {
      cached = new SmallTalk(replies);
      smallTalk.set(cached);
    }
    return cached;
  }

  /** A message over {@link #MAX_MESSAGE_CHARS}; answered with 413. */
  public static final class MessageTooLongException extends IllegalArgumentException {
    public MessageTooLongException(int length) {
      super("message is " + length + " characters; the limit is " + MAX_MESSAGE_CHARS);
    }
  }
}
