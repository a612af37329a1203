package no.faqbot.insights;

import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatTurn;
import no.faqbot.flow.FlowView;
import no.faqbot.format.Languages;
import no.faqbot.search.AnswerView;
import no.faqbot.search.SearchHit;

/**
 * A chat turn as an {@link Event}: what was asked, the reply's type, what ranked first and second.
 */
final class TurnEvent {
  private TurnEvent() {}

  static Event of(ChatTurn turn, long at, String conversation) {
    ChatReply reply = turn.reply();
    String lang =
        turn.request().lang() == null || turn.request().lang().isBlank()
            ? Languages.DEFAULT
            : turn.request().lang();
    SearchHit first = turn.ranking().first();
    SearchHit second = turn.ranking().second();
    AnswerView answer = reply.answer();
    String entryId = answer != null ? answer.id() : first == null ? null : first.entry().id();
    Double score =
        answer != null
            ? Double.valueOf(answer.score())
            : first == null ? null : round(first.score());
    // The runner-up is the best hit that is not the entry given.
    SearchHit runnerUp = first != null && !first.entry().id().equals(entryId) ? first : second;
    FlowView flow = reply.flow();
    String message = turn.request().message() == null ? null : turn.request().message().strip();
    return new Event(
        at,
        EventKind.TURN,
        conversation,
        lang,
        message,
        reply.type().json(),
        entryId,
        score,
        runnerUp == null ? null : runnerUp.entry().id(),
        runnerUp == null ? null : round(runnerUp.score()),
        reply.suggestions().stream().map(AnswerView.QuestionRef::id).toList(),
        flow == null ? null : flow.id(),
        flow == null ? null : flow.stepId(),
        flow == null ? null : outcome(flow),
        null,
        null,
        null,
        null);
  }

  /**
   * An end step's outcome (resolved, closed), {@code email} for the support e-mail step, else null.
   */
  private static String outcome(FlowView flow) {
    if ("email".equals(flow.kind())) {
      return "email";
    }
    return "end".equals(flow.kind()) ? flow.outcome() : null;
  }

  private static Double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
