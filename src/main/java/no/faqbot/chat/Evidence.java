package no.faqbot.chat;

import java.util.List;
import no.faqbot.search.SearchHit;
import no.faqbot.search.SecondOpinion;

/**
 * What the search found for one reading of a message (the whole of it, or the sentence that asks),
 * laid out as the reply model's features: the best answer and the best flow, each against its
 * runner-up and the other, and the signals read from the words.
 *
 * @param hits what the search found
 * @param words the signals read from the reading's words
 * @param place where the reading stands among the message's readings
 * @param opinion what a plainer ranking of the whole message says ({@link SecondOpinion})
 */
public record Evidence(Hits hits, Words words, Place place, SecondOpinion.Verdict opinion) {

  /**
   * What the search found.
   *
   * @param answer the best entry that is not a flow (null when none explains anything)
   * @param answerRunnerUp the next such entry (null when none)
   * @param flow the flow this reading would start (null when none matches)
   * @param flowRunnerUp the next flow (null when none)
   * @param scope the best out-of-scope example (null when none)
   * @param offered the entries good enough to be offered as suggestions, best first
   */
  public record Hits(
      SearchHit answer,
      SearchHit answerRunnerUp,
      SearchHit flow,
      SearchHit flowRunnerUp,
      SearchHit scope,
      List<SearchHit> offered) {
    public Hits {
      offered = List.copyOf(offered);
    }
  }

  /**
   * The signals read from the reading's words.
   *
   * @param report whether the words report that something fails
   * @param question whether a clause opens with a question word
   * @param figure the kind of figure asked for, or null
   * @param known the share of the reading's weight in words the content knows
   * @param terms how many terms the reading has
   */
  public record Words(
      boolean report, boolean question, FigureQuestion.Kind figure, double known, int terms) {}

  /**
   * Where the reading stands among the message's readings.
   *
   * @param sentence whether this reading is one sentence of a longer message
   * @param share the reading's share of the whole message's terms (1 for the whole)
   * @param readings how many readings the message has
   * @param answerAgreed whether another reading's best entry is this one's
   * @param flowAgreed whether another reading's flow is this one's
   */
  public record Place(
      boolean sentence, double share, int readings, boolean answerAgreed, boolean flowAgreed) {

    /** A reading not yet compared with the others. */
    public static Place alone(boolean sentence, double share) {
      return new Place(sentence, share, 1, false, false);
    }
  }

  /** The best entry that is not a flow (null when none explains anything). */
  public SearchHit answer() {
    return hits.answer();
  }

  /** The flow this reading would start (null when none matches). */
  public SearchHit flow() {
    return hits.flow();
  }

  /** The entries good enough to be offered as suggestions, best first. */
  public List<SearchHit> offered() {
    return hits.offered();
  }

  /** The kind of figure asked for, or null. */
  public FigureQuestion.Kind figure() {
    return words.figure();
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
    SearchHit answer = hits.answer();
    SearchHit flow = hits.flow();
    SearchHit scope = hits.scope();
    return new double[] {
      answer.coverage(),
      answer.score(),
      Math.min(answer.evidence(), EVIDENCE_CAP),
      answer.score() - score(hits.answerRunnerUp()),
      answer.coverage() - coverage(hits.answerRunnerUp()),
      Math.log1p(words.terms()),
      words.known(),
      flag(words.report()),
      flag(words.question()),
      flag(words.figure() != null && !FigureQuestion.answeredBy(words.figure(), answer)),
      flag(answer.entry().flow() != null),
      flow == null ? -1 : flow.score() - answer.score(),
      scope == null ? -1 : scope.score() - answer.score(),
      flag(place.sentence()),
      place.share(),
      place.readings(),
      flag(place.answerAgreed()),
      answer.coverage() * answer.coverage(),
      answer.score() * answer.coverage(),
      coverage(hits.answerRunnerUp()),
      flag(opinion.firstIs(answer.entry().id())),
      flag(opinion.near(answer.entry().id())),
      flag(opinion.flowFirst())
    };
  }

  /** The features of starting {@link #flow}; only when it is not null. */
  public double[] flowFeatures() {
    SearchHit flow = hits.flow();
    return new double[] {
      flow.coverage(),
      flow.score(),
      Math.min(flow.evidence(), EVIDENCE_CAP),
      flow.score() - score(hits.answer()),
      flow.coverage() - coverage(hits.answer()),
      Math.log1p(words.terms()),
      words.known(),
      flag(words.report()),
      flag(words.question()),
      flow.score() - score(hits.flowRunnerUp()),
      flag(words.figure() != null),
      flag(place.sentence()),
      place.share(),
      place.readings(),
      flag(place.flowAgreed()),
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
        a |= same(answer(), other.answer());
        f |= same(flow(), other.flow());
      }
    }
    return new Evidence(
        hits, words, new Place(place.sentence(), place.share(), all.size(), a, f), opinion);
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
