package no.faqbot.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import no.faqbot.App;
import no.faqbot.chat.ReplyModel;
import no.faqbot.eval.Calibrator;
import no.faqbot.eval.EvalRunner;
import org.apache.commons.cli.Option;

/**
 * {@code faqbot eval} measures the answers on eval sets; {@code faqbot calibrate} fits the reply
 * model on them. Both run the chat in-process, recording nothing.
 */
final class EvalCommand {
  private EvalCommand() {}

  static Command eval() {
    return new Command(
        "eval",
        "Run eval sets (JSON lines) through the chat in-process; print accuracy per kind and file,"
            + " overall, and the misses.",
        "FILE...",
        1,
        Commands.locations(true, true)
            .addOption(
                Option.builder()
                    .longOpt("verbose")
                    .desc("print every item with its top hits, coverage and score")
                    .get()),
        "",
        EvalCommand::eval);
  }

  static Command calibrate() {
    return new Command(
        "calibrate",
        "Fit the reply model on eval sets: print the held-out precision and coverage per threshold"
            + " and, with --write, write the model's data file.",
        "FILE...",
        1,
        Commands.locations(true, true)
            .addOption(
                Commands.valued(
                    "max-wrong",
                    "W",
                    "the held-out share of messages that may get a wrong answer or flow"
                        + " (default 0.03)"))
            .addOption(
                Commands.valued(
                    "write",
                    "FILE",
                    "write the model there (the build's own: "
                        + "src/main/resources/no/faqbot/chat/reply-model.json)")),
        "",
        EvalCommand::calibrate);
  }

  private static int eval(Invocation in) throws Exception {
    List<Path> files = files(in);
    try (App app = App.trial(in.settings(ServeCommand.TRIAL))) {
      return new EvalRunner(app.chat(), app.knowledge().base(), in.out())
              .run(files, in.flag("verbose"))
              .passed()
          ? 0
          : 1;
    }
  }

  private static int calibrate(Invocation in) throws Exception {
    List<Path> files = files(in);
    double maxWrong = Double.parseDouble(in.option("max-wrong", "0.03"));
    if (!(maxWrong >= 0 && maxWrong < 1)) {
      throw new IllegalArgumentException("--max-wrong must be at least 0 and below 1");
    }
    try (App app = App.trial(in.settings(ServeCommand.TRIAL))) {
      ReplyModel model = new Calibrator(app.chat(), in.out()).calibrate(files, maxWrong);
      String target = in.option("write", null);
      if (target != null) {
        Calibrator.write(model, Path.of(target));
        in.out().println("wrote " + target);
      }
    }
    return 0;
  }

  /** The eval files named, each checked to be there before anything is loaded. */
  private static List<Path> files(Invocation in) throws NoSuchFileException {
    List<Path> files = in.positional().stream().map(Path::of).toList();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
    }
    return files;
  }
}
