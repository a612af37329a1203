package no.faqbot.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.faqbot.content.FaqEntry;
import no.faqbot.search.PlannedMessage;
import no.faqbot.search.SearchHit;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.SecondOpinion;

/** The readings of a message the reply model weighs, each with the evidence the search gives. */
final class Readings {
  /**
   * How many of the best-matching flows a failure report may start: of those that explain enough of
   * it, the one that explains most. In a long report a flow can rank first on one shared word and
   * explain little.
   */
  private static final int REPORTED_FLOWS = 3;

  private final AnswerPolicy policy;

  /** How many entries a reading ranks: the suggestions offered and one more. */
  private final int candidates;

  Readings(AnswerPolicy policy, int candidates) {
    this.policy = policy;
    this.candidates = candidates;
  }

  /**
   * The readings of a message: the whole of it, and in a message of several sentences each sentence
   * that asks, so greetings, history and the platform's name around a question cannot outvote it.
   */
  List<Evidence> of(
      SearchIndex index, String message, MessageWords words, String lang, PlannedMessage whole) {
    boolean report = ProblemSignal.reportsFailure(message);
    SecondOpinion.Verdict opinion = index.secondOpinion(message);
    List<Evidence> readings = new ArrayList<>();
    readings.add(evidence(whole, report, FigureQuestion.asks(words), false, 1, opinion));
    int terms = Math.max(1, whole.termCount());
    for (String sentence : Sentences.asking(message)) {
      PlannedMessage planned = index.planned(sentence, lang);
      readings.add(
          evidence(
              planned,
              report,
              FigureQuestion.asks(sentence),
              true,
              Math.min(1, (double) planned.termCount() / terms),
              opinion));
    }
    return readings.stream().map(r -> r.among(readings)).toList();
  }

  private Evidence evidence(
      PlannedMessage planned,
      boolean report,
      FigureQuestion.Kind figure,
      boolean sentence,
      double share,
      SecondOpinion.Verdict opinion) {
    List<SearchHit> entries = planned.answers(candidates, Readings::answers);
    List<SearchHit> flows = planned.flows(REPORTED_FLOWS);
    // A report is about its problem as a whole: of the best-matching flows, the one that explains
    // most of it; how closely one trigger's wording fits favours flows with short triggers.
    SearchHit flow =
        report
            ? flows.stream().max(Comparator.comparingDouble(SearchHit::coverage)).orElse(null)
            : flows.isEmpty() ? null : flows.get(0);
    SearchHit flowRunnerUp = flows.stream().filter(h -> h != flow).findFirst().orElse(null);
    List<SearchHit> scope = planned.outOfScope(1);
    return new Evidence(
        new Evidence.Hits(
            entries.isEmpty() ? null : entries.get(0),
            entries.size() < 2 ? null : entries.get(1),
            flow,
            flowRunnerUp,
            scope.isEmpty() ? null : scope.get(0),
            entries.stream().filter(h -> h.coverage() >= policy.suggestCoverage()).toList()),
        new Evidence.Words(
            report, planned.asksQuestion(), figure, planned.knownShare(), planned.termCount()),
        Evidence.Place.alone(sentence, share),
        opinion);
  }

  /** An entry that answers: neither a flow's trigger nor an out-of-scope example. */
  private static boolean answers(FaqEntry entry) {
    return !entry.isFlowTrigger() && !entry.isOutOfScope();
  }
}
