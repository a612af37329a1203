package no.faqbot.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The calibrated decision: the estimated chance that answering with a reading's best entry, or
 * starting its best flow, is right ({@link Logistic} models fitted by {@code faqbot calibrate} on
 * the pooled eval sets). The bot acts only at {@code act} or above; below it offers suggestions
 * when the chance that they hold the right entry ({@code offer}) reaches {@code suggest}, and
 * otherwise says it does not know.
 *
 * @param version the data file's format, 1
 * @param fitted what the models were fitted on (files and item count), for people
 */
public record ReplyModel(
    int version,
    String fitted,
    Logistic answer,
    Logistic flow,
    Logistic offer,
    double act,
    double suggest) {

  /** Where the shipped model is, on the class path. */
  public static final String RESOURCE = "/no/faqbot/chat/reply-model.json";

  public ReplyModel {
    if (version != 1) {
      throw new IllegalArgumentException(
          "reply model version " + version + " is not known: this build reads version 1");
    }
    if (!answer.features().equals(Evidence.ANSWER_FEATURES)
        || !offer.features().equals(Evidence.ANSWER_FEATURES)
        || !flow.features().equals(Evidence.FLOW_FEATURES)) {
      throw new IllegalArgumentException(
          "the reply model's features do not match this build's: run faqbot calibrate again");
    }
  }

  /** What to do with a message, and on which reading's evidence. */
  public enum Action {
    ANSWER,
    FLOW,
    SUGGEST,
    FALLBACK
  }

  /** The decision: an action, the reading it rests on, and its estimated chance of being right. */
  public record Choice(Action action, Evidence evidence, double chance) {}

  /** The shipped model. */
  public static ReplyModel shipped() {
    try (InputStream in = ReplyModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return new ObjectMapper().readValue(in, ReplyModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": not a reply model: " + e.getMessage(), e);
    }
  }

  /** The chance that answering with {@code e}'s best entry is right (0 without one). */
  public double answerChance(Evidence e) {
    return e.answer() == null ? 0 : answer.probability(e.answerFeatures());
  }

  /** The chance that starting {@code e}'s flow is right (0 without one). */
  public double flowChance(Evidence e) {
    return e.flow() == null ? 0 : flow.probability(e.flowFeatures());
  }

  /** The chance that {@code e}'s suggestions hold the right entry (0 without any). */
  public double offerChance(Evidence e) {
    return e.answer() == null || e.offered().isEmpty() ? 0 : offer.probability(e.answerFeatures());
  }

  /** The decision over every reading of one message; {@code readings} holds at least one. */
  public Choice choose(List<Evidence> readings) {
    return choose(readings, act, suggest);
  }

  /**
   * {@link #choose(List)} at other thresholds: for calibrating. Each reading's chances are worked
   * out once; on a tie the earlier reading (the whole message first) wins.
   */
  public Choice choose(List<Evidence> readings, double act, double suggest) {
    Evidence bestAnswer = readings.get(0);
    Evidence bestFlow = bestAnswer;
    double a = answerChance(bestAnswer);
    double f = flowChance(bestFlow);
    for (Evidence e : readings.subList(1, readings.size())) {
      double ea = answerChance(e);
      double ef = flowChance(e);
      if (ea > a) {
        a = ea;
        bestAnswer = e;
      }
      if (ef > f) {
        f = ef;
        bestFlow = e;
      }
    }
    if (Math.max(a, f) >= act) {
      return f >= a
          ? new Choice(Action.FLOW, bestFlow, f)
          : new Choice(Action.ANSWER, bestAnswer, a);
    }
    Evidence bestOffer = readings.get(0);
    double o = offerChance(bestOffer);
    for (Evidence e : readings.subList(1, readings.size())) {
      double eo = offerChance(e);
      if (eo > o) {
        o = eo;
        bestOffer = e;
      }
    }
    if (o >= suggest && !bestOffer.offered().isEmpty()) {
      return new Choice(Action.SUGGEST, bestOffer, o);
    }
    return new Choice(Action.FALLBACK, readings.get(0), Math.max(a, f));
  }
}
