package no.faqbot.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.faqbot.content.CannedReplies;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.flow.Flow;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.AnswerView;
import no.faqbot.search.PlannedMessage;
import no.faqbot.search.SearchHit;
import no.faqbot.search.SearchIndex;

/**
 * Answers one message: small talk, one confident answer, a guided flow for a known problem, a few
 * choices, or an honest fallback; and moves a merchant through a flow step by step.
 */
public final class ChatService {
  public static final int MAX_MESSAGE_CHARS = 2000;
  private static final int MAX_SUGGESTIONS = 3;

  private final KnowledgeBase knowledge;
  private final AnswerPolicy policy;
  private final ReplyModel model;
  private final AtomicReference<SmallTalk> smallTalk = new AtomicReference<>();
  private final Readings readings;

  /** The turns of a guided flow: starting it, its steps, a flow changed mid-conversation. */
  private final FlowTurns flows;

  public ChatService(
      KnowledgeBase knowledge, AnswerPolicy policy, ReplyModel model, StateCodec states) {
    this(knowledge, policy, model, states, new FlowVersions());
  }

  public ChatService(
      KnowledgeBase knowledge,
      AnswerPolicy policy,
      ReplyModel model,
      StateCodec states,
      FlowVersions flowVersions) {
    this.knowledge = knowledge;
    this.policy = policy;
    this.model = model;
    this.flows = new FlowTurns(states, flowVersions);
    this.readings = new Readings(policy, MAX_SUGGESTIONS + 1);
  }

  /**
   * The reply to {@code request}.
   *
   * @throws IllegalArgumentException for a message that is missing, too long or in an unknown
   *     language, and (as its subclasses) for a tampered state or an answer that does not fit
   */
  public ChatReply reply(ChatRequest request) {
    return reply(request, new Ranking());
  }

  /**
   * The reply to {@code request}, noting in {@code ranking} what the search ranked first and
   * second.
   */
  public ChatReply reply(ChatRequest request, Ranking ranking) {
    String page = Languages.orDefault(request.lang());
    String message = request.message() == null ? null : request.message().strip();
    if (message != null && message.length() > MAX_MESSAGE_CHARS) {
      throw new MessageTooLongException(message.length());
    }
    boolean answersStep = request.choice() != null || request.fields() != null;
    // A typed message is answered in its own language; a flow step in the one it was started in,
    // which the widget sends back as the reply's lang.
    String lang =
        message == null || message.isEmpty() || answersStep
            ? page
            : MessageLanguage.of(message, page);
    return replyIn(request, message, lang, answersStep, ranking).in(lang);
  }

  private ChatReply replyIn(
      ChatRequest request, String message, String lang, boolean answersStep, Ranking ranking) {
    if (request.flow() != null) {
      return knowledge.withIndex(
          index -> {
            Flow flow =
                index
                    .content()
                    .flow(request.flow())
                    .orElseThrow(
                        () -> new BadRequestException("no guided flow '" + request.flow() + "'"));
            return flows.start(index.content(), flow, lang);
          });
    }
    if ((message == null || message.isEmpty()) && !answersStep) {
      throw new BadRequestException("message is missing: send {\"message\": \"...\"}");
    }
    return knowledge.withIndex(
        index -> {
          if (request.state() != null) {
            Optional<ChatReply> step = flows.step(index.content(), request, answersStep, lang);
            if (step.isPresent()) {
              return step.get();
            }
            // Free text inside a flow leaves it: "avbryt" is small talk, anything else a new
            // question.
          } else if (answersStep) {
            throw new BadRequestException(
                "choice and fields answer a guided flow: send the state from the last reply too");
          }
          return reply(index, message, lang, ranking);
        });
  }

  private ChatReply reply(SearchIndex index, String message, String lang, Ranking ranking) {
    ContentSnapshot content = index.content();
    MessageWords words = MessageWords.of(message);
    ChatReply gated = gate(content, words, lang);
    if (gated != null) {
      return gated;
    }
    PlannedMessage whole = index.planned(message, lang);
    List<SearchHit> hits = whole.withScope(MAX_SUGGESTIONS + 1);
    ranking.of(hits.stream().filter(h -> !h.entry().isOutOfScope()).toList());
    List<Evidence> readings = this.readings.of(index, message, words, lang, whole);
    Evidence first = readings.get(0);
    if (first.hits().scope() != null
        && policy.outOfScope(
            first.hits().scope(), first.offered().isEmpty() ? 0 : first.offered().get(0).score())) {
      String name =
          first.hits().scope().entry().id().substring(FaqEntry.OUT_OF_SCOPE_PREFIX.length());
      return ChatReply.of(ReplyType.OUT_OF_SCOPE, content.replies().reply(name, lang));
    }
    ReplyModel.Choice choice = model.choose(readings);
    Evidence evidence = choice.evidence();
    switch (choice.action()) {
      case FLOW -> {
        Optional<Flow> flow = content.flow(evidence.flow().entry().flow());
        if (flow.isPresent()) {
          return flows.start(content, flow.get(), lang);
        }
      }
      case ANSWER -> {
        SearchHit top = evidence.answer();
        if (evidence.figure() != null && !FigureQuestion.answeredBy(evidence.figure(), top)) {
          return new ChatReply(
              ReplyType.NO_FIGURE,
              content.replies().reply("no_figure", lang),
              null,
              List.of(new AnswerView.QuestionRef(top.entry().id(), top.entry().question())),
              null,
              null,
              null,
              null);
        }
        AnswerView answer = AnswerView.of(top.entry(), top.score(), content, lang);
        return new ChatReply(
            ReplyType.ANSWER,
            top.entry().question(),
            answer,
            List.of(),
            null,
            null,
            offerFlow(content, top.entry(), lang),
            null);
      }
      case SUGGEST -> {
        List<AnswerView.QuestionRef> choices =
            evidence.offered().stream()
                .limit(MAX_SUGGESTIONS)
                .map(h -> new AnswerView.QuestionRef(h.entry().id(), h.entry().question()))
                .toList();
        return new ChatReply(
            ReplyType.SUGGESTIONS,
            content.replies().reply("suggestions", lang),
            null,
            choices,
            null,
            null,
            null,
            null);
      }
      case FALLBACK -> {}
    }
    return ChatReply.of(ReplyType.FALLBACK, content.replies().reply("fallback", lang));
  }

  /**
   * The reply decided before any search: small talk, a consumer's question, or another provider's
   * service; null when the message is for the search.
   */
  private ChatReply gate(ContentSnapshot content, MessageWords message, String lang) {
    SmallTalk talk = smallTalk(content.replies());
    Optional<String> intent = talk.intent(message, lang);
    if (intent.isPresent()) {
      return ChatReply.of(ReplyType.SMALLTALK, content.replies().reply(intent.get(), lang));
    }
    // Who is asking, and about whose service, is read before the search: their words overlap
    // merchant entries and Klarna's problems, but the FAQ is not for them.
    if (ConsumerSignal.isConsumer(message)) {
      return ChatReply.of(ReplyType.OUT_OF_SCOPE, outOfScope(content, "consumer", lang));
    }
    if (OtherProvider.only(message)) {
      return ChatReply.of(ReplyType.OUT_OF_SCOPE, outOfScope(content, "other_provider", lang));
    }
    return null;
  }

  /**
   * The evidence for each reading of {@code message} the reply model weighs, the whole message
   * first; empty when the reply is decided before any search (small talk, a consumer, another
   * provider). For calibrating the model.
   */
  public List<Evidence> evidence(String message, String lang) {
    String l = MessageLanguage.of(message, Languages.orDefault(lang));
    MessageWords words = MessageWords.of(message);
    return knowledge.withIndex(
        index ->
            gate(index.content(), words, l) != null
                ? List.<Evidence>of()
                : readings.of(index, message, words, l, index.planned(message, l)));
  }

  /** An out-of-scope reply's text; the fallback's when editors have removed that reply. */
  private static String outOfScope(ContentSnapshot content, String intent, String lang) {
    String text = content.replies().reply(intent, lang);
    return text.isEmpty() ? content.replies().reply("fallback", lang) : text;
  }

  /** The versions of flows kept for conversations that outlive a change. */
  public FlowVersions flowVersions() {
    return flows.versions();
  }

  /**
   * For an entry that belongs to a guided flow: the offer to start it, labelled with the flow's
   * title.
   */
  private static ChatReply.Action offerFlow(ContentSnapshot content, FaqEntry entry, String lang) {
    return entry.flow() == null
        ? null
        : content
            .flow(entry.flow())
            .map(f -> new ChatReply.Action(ChatReply.Action.START_FLOW, f.id(), f.title().in(lang)))
            .orElse(null);
  }

  private SmallTalk smallTalk(CannedReplies replies) {
    SmallTalk cached = smallTalk.get();
    if (cached == null || cached.replies() != replies) {
      cached = new SmallTalk(replies);
      smallTalk.set(cached);
    }
    return cached;
  }

  /**
   * A request the chat cannot answer as sent (no message, an unknown flow, a step without its
   * state); answered with 400. An {@link IllegalArgumentException}, as the others the chat refuses
   * with, for callers that take any refusal alike.
   */
  public static final class BadRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
      super(message);
    }
  }

  /** A message over {@link #MAX_MESSAGE_CHARS}; answered with 413. */
  public static final class MessageTooLongException extends IllegalArgumentException {
    public MessageTooLongException(int length) {
      super("message is " + length + " characters; the limit is " + MAX_MESSAGE_CHARS);
    }
  }
}
