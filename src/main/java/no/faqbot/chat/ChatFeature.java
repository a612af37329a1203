package no.faqbot.chat;

import java.util.function.Consumer;
import java.util.function.Supplier;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.knowledge.KnowledgeBase;

/**
 * The chat wired: the service that answers over the knowledge base with the shipped reply model,
 * and the signed conversation state it shares with the support e-mail.
 *
 * @param states signs and checks the state of a flow under way
 */
public record ChatFeature(ChatService service, KnowledgeBase knowledge, StateCodec states) {

  /**
   * Answers from {@code knowledge}, signing conversation state with {@code stateKey}'s key (read
   * once, now); flows changed since a conversation began are found in {@code flowVersions}.
   */
  public static ChatFeature wire(
      KnowledgeBase knowledge, Supplier<byte[]> stateKey, FlowVersions flowVersions) {
    StateCodec states = new StateCodec(stateKey.get());
    return new ChatFeature(
        new ChatService(
            knowledge, AnswerPolicy.DEFAULT, ReplyModel.shipped(), states, flowVersions),
        knowledge,
        states);
  }

  /** {@code POST /api/chat} and the intro, telling {@code turns} of every answered message. */
  public ChatRoutes routes(Consumer<ChatTurn> turns) {
    return new ChatRoutes(service, knowledge, turns);
  }
}
