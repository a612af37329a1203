package no.faqbot.chat;

import java.util.List;
import no.faqbot.search.SearchHit;
import no.faqbot.search.SecondOpinion;

/**
 * What the search found for one reading of a message (the whole of it, or the sentence that asks),
 * laid out as the reply model's features: the best answer and the best flow, each against its
 * runner-up and the other, and the signals read from the words.
 *
 * @param answer the best entry that is not a flow (null when none explains anything)
 * @param answerRunnerUp the next such entry (null when none)
 * @param flow the flow this reading would start (null when none matches)
 * @param flowRunnerUp the next flow (null when none)
 * @param scope the best out-of-scope example (null when none)
 * @param offered the entries good enough to be offered as suggestions, best first
 * @param report whether the words report that something fails
 * @param question whether a clause opens with a question word
 * @param figure the kind of figure asked for, or null
 * @param known the share of the reading's weight in words the content knows
 * @param terms how many terms the reading has
 * @param sentence whether this reading is one sentence of a longer message
 * @param share the reading's share of the whole message's terms (1 for the whole)
 * @param readings how many readings the message has
 * @param answerAgreed whether another reading's best entry is this one's
 * @param flowAgreed whether another reading's flow is this one's
 * @param opinion what a plainer ranking of the whole message says ({@link SecondOpinion})
 */
public record Evidence(
    SearchHit answer,
    SearchHit answerRunnerUp,
    SearchHit flow,
    SearchHit flowRunnerUp,
    SearchHit scope,
    List<SearchHit> offered,
    boolean report,
    boolean question,
    FigureQuestion.Kind figure,
    double known,
    int terms,
    boolean sentence,
    double share,
    int readings,
    boolean answerAgreed,
    boolean flowAgreed,
    SecondOpinion.Verdict opinion) {

  public Evidence {
    offered = List.copyOf(offered);
  }

  /** The names of {@link #answerFeatures()}, in order: the reply model's data file uses them. */
  public static final List<String> ANSWER_FEATURES =
      List.of(
          "coverage",
          "score",
          "evidence",
          "lead",
          "coverageLead",
          "words",
          "known",
          "report",
          "question",
          "figureMiss",
          "inFlow",
          "flowEdge",
          "scopeEdge",
          "sentence",
          "share",
          "readings",
          "agreed",
          "coverageSquared",
          "scoreTimesCoverage",
          "runnerUpCoverage",
          "secondOpinionFirst",
          "secondOpinionNear",
          "secondOpinionFlowFirst");

  /** The names of {@link #flowFeatures()}, in order. */
  public static final List<String> FLOW_FEATURES =
      List.of(
          "coverage",
          "score",
          "evidence",
          "answerEdge",
          "coverageEdge",
          "words",
          "known",
          "report",
          "question",
          "flowLead",
          "figure",
          "sentence",
          "share",
          "readings",
          "agreed",
          "coverageSquared",
          "scoreTimesCoverage",
          "secondOpinionFlow",
          "secondOpinionFlowFirst",
          "secondOpinionThisFlowFirst");

  /** The features of answering with {@link #answer}; only when it is not null. */
  public double[] answerFeatures() {
    return new double[] {
      answer.coverage(),
      answer.score(),
      Math.min(answer.evidence(), EVIDENCE_CAP),
      answer.score() - score(answerRunnerUp),
      answer.coverage() - coverage(answerRunnerUp),
      Math.log1p(terms),
      known,
      flag(report),
      flag(question),
      flag(figure != null && !FigureQuestion.answeredBy(figure, answer)),
      flag(answer.entry().flow() != null),
      flow == null ? -1 : flow.score() - answer.score(),
      scope == null ? -1 : scope.score() - answer.score(),
      flag(sentence),
      share,
      readings,
      flag(answerAgreed),
      answer.coverage() * answer.coverage(),
      answer.score() * answer.coverage(),
      coverage(answerRunnerUp),
      flag(opinion.firstIs(answer.entry().id())),
      flag(opinion.near(answer.entry().id())),
      flag(opinion.flowFirst())
    };
  }

  /** The features of starting {@link #flow}; only when it is not null. */
  public double[] flowFeatures() {
    return new double[] {
      flow.coverage(),
      flow.score(),
      Math.min(flow.evidence(), EVIDENCE_CAP),
      flow.score() - score(answer),
      flow.coverage() - coverage(answer),
      Math.log1p(terms),
      known,
      flag(report),
      flag(question),
      flow.score() - score(flowRunnerUp),
      flag(figure != null),
      flag(sentence),
      share,
      readings,
      flag(flowAgreed),
      flow.coverage() * flow.coverage(),
      flow.score() * flow.coverage(),
      flag(opinion.flowIs(flow.entry().flow())),
      flag(opinion.flowFirst()),
      flag(opinion.flowFirst() && opinion.flowIs(flow.entry().flow()))
    };
  }

  /** This reading as one of {@code all}: how many there are, and whether another agrees. */
  Evidence among(List<Evidence> all) {
    boolean a = false;
    boolean f = false;
    for (Evidence other : all) {
      if (other != this) {
        a |= same(answer, other.answer);
        f |= same(flow, other.flow);
      }
    }
    return new Evidence(
        answer,
        answerRunnerUp,
        flow,
        flowRunnerUp,
        scope,
        offered,
        report,
        question,
        figure,
        known,
        terms,
        sentence,
        share,
        all.size(),
        a,
        f,
        opinion);
  }

  private static boolean same(SearchHit a, SearchHit b) {
    return a != null && b != null && a.entry().id().equals(b.entry().id());
  }

  /** Evidence past this many rare terms' worth adds nothing: long messages match a lot. */
  private static final double EVIDENCE_CAP = 4;

  private static double score(SearchHit hit) {
    return hit == null ? 0 : hit.score();
  }

  private static double coverage(SearchHit hit) {
    return hit == null ? 0 : hit.coverage();
  }

  private static double flag(boolean b) {
    return b ? 1 : 0;
  }
}
