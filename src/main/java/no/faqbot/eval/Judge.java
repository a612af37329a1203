package no.faqbot.eval;

import java.util.Locale;

/**
 * Sorts what a merchant was shown for an eval item into an {@link Outcome}. An entry counts as
 * right when its id is expected or its answer text holds an expected fact.
 */
final class Judge {
  private Judge() {}

  static Outcome outcome(EvalItem item, Shown shown) {
    return switch (item.kind()) {
      case "none" -> claims(shown) ? Outcome.WRONG : Outcome.RIGHT;
      case "offtopic" -> offTopic(shown);
      case "answer", "flow" -> expected(item, shown);
      default -> throw new IllegalArgumentException("unknown kind '" + item.kind() + "'");
    };
  }

  private static Outcome expected(EvalItem item, Shown shown) {
    EvalItem.Expected answers = item.answers();
    String flow = item.flow();
    return switch (shown.kind()) {
      case ANSWER -> {
        if (isRight(answers, shown.answer())) {
          yield Outcome.RIGHT;
        }
        yield flow != null && flow.equals(shown.offeredFlow()) ? Outcome.ONE_CLICK : Outcome.WRONG;
      }
      case FLOW -> flow != null && flow.equals(shown.flow()) ? Outcome.RIGHT : Outcome.WRONG;
      case SUGGESTIONS ->
          shown.suggestions().stream().anyMatch(s -> isRight(answers, s))
              ? Outcome.ONE_CLICK
              : Outcome.UNRELATED;
      case NO_FIGURE, NOTHING -> Outcome.HONEST;
    };
  }

  private static Outcome offTopic(Shown shown) {
    return switch (shown.kind()) {
      case ANSWER, FLOW -> Outcome.WRONG;
      case SUGGESTIONS, NO_FIGURE -> Outcome.UNRELATED;
      case NOTHING -> Outcome.RIGHT;
    };
  }

  /** An answer or a flow: the bot claims to know. */
  private static boolean claims(Shown shown) {
    return shown.kind() == Shown.Kind.ANSWER || shown.kind() == Shown.Kind.FLOW;
  }

  static boolean isRight(EvalItem.Expected expected, Shown.Entry entry) {
    if (expected.ids().contains(entry.id())) {
      return true;
    }
    if (entry.answerText() == null) {
      return false;
    }
    String lower = entry.answerText().toLowerCase(Locale.ROOT);
    return expected.facts().stream().anyMatch(f -> lower.contains(f.toLowerCase(Locale.ROOT)));
  }
}
