package no.faqbot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.faqbot.chat.ChatService;
import no.faqbot.chat.Evidence;
import no.faqbot.chat.Logistic;
import no.faqbot.chat.ReplyModel;

/**
 * Fits the reply model on eval sets ({@code faqbot calibrate}): each message's readings become rows
 * of features, labelled by whether answering with the reading's entry, or starting its flow, would
 * be right. The thresholds are chosen on held-out files (each file predicted by a model fitted on
 * the others), so the printed precision is what a writer nobody tuned for can expect, not what the
 * model reaches on what it has seen.
 */
public final class Calibrator {
  /** The L2 penalty on standardised weights: keeps rare features from deciding alone. */
  static final double LAMBDA = 1.0;

  /** The held-out share of off-topic messages that must get the fallback, not suggestions. */
  static final double OFF_TOPIC_HONEST = 0.9;

  private final ChatService chat;
  private final PrintStream out;

  public Calibrator(ChatService chat, PrintStream out) {
    this.chat = chat;
    this.out = out;
  }

  /** One message's readings, with what it expects. */
  record Sample(Path file, EvalItem item, List<Evidence> readings) {}

  /**
   * Fits on {@code files}, prints the held-out outcomes per threshold, and returns the model with
   * the lowest act threshold at which at most {@code maxWrong} of the messages held out are
   * answered or sent into a flow wrongly.
   */
  public ReplyModel calibrate(List<Path> files, double maxWrong) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (Path file : files) {
      for (EvalItem item : EvalRunner.read(file)) {
        samples.add(new Sample(file, item, chat.evidence(item.q(), item.lang())));
      }
    }
    List<Sample> searched = samples.stream().filter(s -> !s.readings().isEmpty()).toList();
    out.printf(
        Locale.ROOT,
        "%d messages from %d files; %d decided before the search (small talk, consumer, provider)%n",
        samples.size(),
        files.size(),
        samples.size() - searched.size());
    long expecting = searched.stream().filter(x -> expects(x.item())).count();
    long reachable =
        searched.stream()
            .filter(x -> expects(x.item()))
            .filter(
                x ->
                    x.readings().stream()
                        .anyMatch(
                            e ->
                                e.answer() != null && answerRight(x.item(), e)
                                    || e.flow() != null && flowRight(x.item(), e)))
            .count();
    out.printf(
        Locale.ROOT,
        "of %d answer and flow messages, %d (%.1f %%) have the right entry or flow first in some"
            + " reading: no threshold can do better%n",
        expecting,
        reachable,
        100.0 * reachable / Math.max(1, expecting));
    // Held out: each file's messages decided by models fitted on every other file.
    Map<Path, ReplyModel> heldOut = new java.util.LinkedHashMap<>();
    for (Path file : files) {
      heldOut.put(
          file, fit(searched.stream().filter(s -> !s.file().equals(file)).toList(), 0.5, 0.3, ""));
    }
    double[] acts = grid(0.30, 0.95, 0.025);
    double[] suggests = grid(0.0, 0.9, 0.05);
    double bestSuggest = suggests[suggests.length - 1];
    double bestUtility = Double.NEGATIVE_INFINITY;
    List<Sample> offTopic =
        searched.stream().filter(x -> "offtopic".equals(x.item().kind())).toList();
    for (double s : suggests) {
      // Off-topic messages must get an honest reply, not suggestions: a threshold that offers them
      // suggestions too often is not taken, whatever it gains elsewhere.
      if (!offTopic.isEmpty()
          && tally(offTopic, heldOut, 0.8, s).share(Outcome.RIGHT) < OFF_TOPIC_HONEST) {
        continue;
      }
      double u = tally(searched, heldOut, 0.8, s).utility();
      if (u > bestUtility) {
        bestUtility = u;
        bestSuggest = s;
      }
    }
    out.printf(
        Locale.ROOT,
        "%nheld out, suggestions from a chance of %.2f:%n%-5s %7s %7s %9s %7s %9s %7s%n",
        bestSuggest,
        "act",
        "acted",
        "right",
        "one click",
        "honest",
        "unrelated",
        "wrong");
    double chosen = acts[acts.length - 1];
    for (int i = acts.length - 1; i >= 0; i--) {
      Tally t = tally(searched, heldOut, acts[i], bestSuggest);
      out.printf(
          Locale.ROOT,
          "%.3f %6.1f%% %6.1f%% %8.1f%% %6.1f%% %8.1f%% %6.1f%%   precision %.1f%%%n",
          acts[i],
          100 * t.actedShare(),
          100 * t.share(Outcome.RIGHT),
          100 * t.share(Outcome.ONE_CLICK),
          100 * t.share(Outcome.HONEST),
          100 * t.share(Outcome.UNRELATED),
          100 * t.share(Outcome.WRONG),
          100 * t.precision());
      if (t.share(Outcome.WRONG) <= maxWrong) {
        chosen = acts[i];
      }
    }
    String fitted =
        samples.size()
            + " messages from "
            + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    ReplyModel model = fit(searched, chosen, bestSuggest, fitted);
    out.printf(
        Locale.ROOT,
        "%nchosen: act at %.3f (held out, at most %.1f %% confidently wrong), suggest at %.2f%n",
        chosen,
        100 * maxWrong,
        bestSuggest);
    return model;
  }

  /** Writes {@code model} as the reply model's data file. */
  public static void write(ReplyModel model, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model)
            + "\n");
  }

  private static ReplyModel fit(List<Sample> samples, double act, double suggest, String fitted) {
    List<double[]> answerRows = new ArrayList<>();
    List<Integer> answerRight = new ArrayList<>();
    List<double[]> flowRows = new ArrayList<>();
    List<Integer> flowRight = new ArrayList<>();
    List<Integer> offerRight = new ArrayList<>();
    for (Sample s : samples) {
      for (Evidence e : s.readings()) {
        if (e.answer() != null) {
          answerRows.add(e.answerFeatures());
          answerRight.add(answerRight(s.item(), e) ? 1 : 0);
          offerRight.add(offerRight(s.item(), e) ? 1 : 0);
        }
        if (e.flow() != null) {
          flowRows.add(e.flowFeatures());
          flowRight.add(flowRight(s.item(), e) ? 1 : 0);
        }
      }
    }
    return new ReplyModel(
        1,
        fitted,
        Logistic.fit(Evidence.ANSWER_FEATURES, rows(answerRows), labels(answerRight), LAMBDA),
        Logistic.fit(Evidence.FLOW_FEATURES, rows(flowRows), labels(flowRight), LAMBDA),
        Logistic.fit(Evidence.ANSWER_FEATURES, rows(answerRows), labels(offerRight), LAMBDA),
        act,
        suggest);
  }

  private static boolean expects(EvalItem item) {
    return "answer".equals(item.kind()) || "flow".equals(item.kind());
  }

  static boolean answerRight(EvalItem item, Evidence e) {
    return expects(item) && Judge.isRight(item.answers(), Shown.entry(e.answer()));
  }

  /** Whether {@code e}'s suggestions hold an entry that answers {@code item}. */
  static boolean offerRight(EvalItem item, Evidence e) {
    return expects(item)
        && e.offered().stream().anyMatch(h -> Judge.isRight(item.answers(), Shown.entry(h)));
  }

  static boolean flowRight(EvalItem item, Evidence e) {
    String flow = expects(item) ? item.flow() : null;
    return flow != null && flow.equals(e.flow().entry().flow());
  }

  /** What the merchants of {@code samples} would get at these thresholds, held out. */
  private static Tally tally(
      List<Sample> samples, Map<Path, ReplyModel> heldOut, double act, double suggest) {
    Tally t = new Tally(new EnumMap<>(Outcome.class), new int[2]);
    for (Sample s : samples) {
      ReplyModel.Choice c = heldOut.get(s.file()).choose(s.readings(), act, suggest);
      Outcome o = outcome(s.item(), c);
      t.add(o);
      if (c.action() == ReplyModel.Action.ANSWER || c.action() == ReplyModel.Action.FLOW) {
        t.acted()[0] += o == Outcome.RIGHT ? 1 : 0;
        t.acted()[1]++;
      }
    }
    return t;
  }

  static Outcome outcome(EvalItem item, ReplyModel.Choice c) {
    return Judge.outcome(item, Shown.of(c));
  }

  /**
   * Outcome counts at one pair of thresholds, and of the messages acted on (answered or sent into a
   * flow) how many rightly and in all.
   */
  record Tally(Map<Outcome, Integer> counts, int[] acted) {
    void add(Outcome o) {
      counts.merge(o, 1, Integer::sum);
    }

    int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    double share(Outcome o) {
      return total() == 0 ? 0 : (double) counts.getOrDefault(o, 0) / total();
    }

    /** The share of messages acted on. */
    double actedShare() {
      return total() == 0 ? 0 : (double) acted[1] / total();
    }

    /** Of the messages acted on, the share acted on rightly. */
    double precision() {
      return acted[1] == 0 ? 1 : (double) acted[0] / acted[1];
    }

    /** What the merchants got, weighed: a wrong answer costs more than a right one gains. */
    double utility() {
      return share(Outcome.RIGHT)
          + 0.6 * share(Outcome.ONE_CLICK)
          + 0.3 * share(Outcome.HONEST)
          + 0.1 * share(Outcome.UNRELATED)
          - 1.5 * share(Outcome.WRONG);
    }
  }

  private static double[] grid(double from, double to, double step) {
    int n = (int) Math.round((to - from) / step) + 1;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = from + i * step;
    }
    return g;
  }

  private static double[][] rows(List<double[]> rows) {
    return rows.toArray(new double[0][]);
  }

  private static int[] labels(List<Integer> labels) {
    return labels.stream().mapToInt(Integer::intValue).toArray();
  }
}
