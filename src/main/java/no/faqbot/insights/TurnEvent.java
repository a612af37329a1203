package no.faqbot.insights;

import java.util.List;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatTurn;
import no.faqbot.flow.FlowView;
import no.faqbot.format.Languages;
import no.faqbot.search.AnswerView;
import no.faqbot.search.SearchHit;

/**
 * A message (or a flow step answered) and the bot's reply: what was asked, the reply's type, what
 * ranked first and second.
 *
 * @param message what the merchant wrote; secrets are removed before it is stored
 * @param entryId the entry given, else the best hit, or null
 * @param runnerUpId the best hit that is not {@code entryId}, or null
 * @param suggestions entry ids offered, in order
 * @param flow the flow step the reply shows, or null
 */
public record TurnEvent(
    long at,
    String conversation,
    String lang,
    String message,
    String replyType,
    String entryId,
    Double score,
    String runnerUpId,
    Double runnerUpScore,
    List<String> suggestions,
    FlowStep flow)
    implements Event {
  public TurnEvent {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  /**
   * A step of a guided flow reached.
   *
   * @param outcome an end step's outcome (resolved, closed), {@code email} for the support e-mail
   *     step, else null
   */
  public record FlowStep(String flowId, String stepId, String outcome) {
    /** The step of a stored row's three columns, null when they are all empty. */
    static FlowStep of(String flowId, String stepId, String outcome) {
      return flowId == null && stepId == null && outcome == null
          ? null
          : new FlowStep(flowId, stepId, outcome);
    }
  }

  @Override
  public EventKind kind() {
    return EventKind.TURN;
  }

  @Override
  public TurnEvent withMessage(String text) {
    return new TurnEvent(
        at,
        conversation,
        lang,
        text,
        replyType,
        entryId,
        score,
        runnerUpId,
        runnerUpScore,
        suggestions,
        flow);
  }

  static TurnEvent of(ChatTurn turn, long at, String conversation) {
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
    return new TurnEvent(
        at,
        conversation,
        lang,
        message,
        reply.type().json(),
        entryId,
        score,
        runnerUp == null ? null : runnerUp.entry().id(),
        runnerUp == null ? null : round(runnerUp.score()),
        reply.suggestions().stream().map(AnswerView.QuestionRef::id).toList(),
        flow == null ? null : new FlowStep(flow.id(), flow.stepId(), outcome(flow)));
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
