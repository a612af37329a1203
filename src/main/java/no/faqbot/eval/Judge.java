package no.faqbot.eval;

import java.util.Locale;
import java.util.function.BiFunction;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ReplyType;

/**
 * Sorts a reply to an eval item into an {@link Outcome}. An entry counts as right when its id is
 * expected or its answer text holds an expected fact; {@code answerText} looks up an entry's answer
 * text by id and language (null when there is none).
 */
final class Judge {
  private final BiFunction<String, String, String> answerText;

  Judge(BiFunction<String, String, String> answerText) {
    this.answerText = answerText;
  }

  Outcome outcome(EvalItem item, ChatReply reply) {
    return switch (item.kind()) {
      case "none" -> answersOrStarts(reply) ? Outcome.WRONG : Outcome.RIGHT;
      case "offtopic" -> offTopic(reply);
      case "answer", "flow" -> expected(item, reply);
      default -> throw new IllegalArgumentException("unknown kind '" + item.kind() + "'");
    };
  }

  private Outcome expected(EvalItem item, ChatReply reply) {
    EvalItem.Expected answers = item.answers();
    String flow = item.flow();
    String lang = item.lang() == null ? "nb" : item.lang();
    return switch (reply.type()) {
      case ANSWER -> {
        if (isRight(answers, reply.answer().id(), reply.answer().answer())) {
          yield Outcome.RIGHT;
        }
        yield flow != null && offers(reply, flow) ? Outcome.ONE_CLICK : Outcome.WRONG;
      }
      case FLOW -> flow != null && flow.equals(reply.flow().id()) ? Outcome.RIGHT : Outcome.WRONG;
      case SUGGESTIONS ->
          reply.suggestions().stream()
                  .anyMatch(s -> isRight(answers, s.id(), answerText.apply(s.id(), lang)))
              ? Outcome.ONE_CLICK
              : Outcome.UNRELATED;
      default -> Outcome.HONEST;
    };
  }

  private static Outcome offTopic(ChatReply reply) {
    if (answersOrStarts(reply)) {
      return Outcome.WRONG;
    }
    return reply.type() == ReplyType.SUGGESTIONS || reply.type() == ReplyType.NO_FIGURE
        ? Outcome.UNRELATED
        : Outcome.RIGHT;
  }

  private static boolean answersOrStarts(ChatReply reply) {
    return reply.type() == ReplyType.ANSWER || reply.type() == ReplyType.FLOW;
  }

  private static boolean offers(ChatReply reply, String flow) {
    return reply.action() != null && flow.equals(reply.action().flow());
  }

  static boolean isRight(EvalItem.Expected expected, String id, String text) {
    if (expected.ids().contains(id)) {
      return true;
    }
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return expected.facts().stream().anyMatch(f -> lower.contains(f.toLowerCase(Locale.ROOT)));
  }
}
