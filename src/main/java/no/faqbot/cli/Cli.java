package no.faqbot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.faqbot.config.SettingsReader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/**
 * {@code faqbot [command] [options]}: picks the command (serve when none is named), parses its
 * options, and turns what the user has to fix into one line and exit code 2, without a stack trace.
 * Commons CLI rather than an annotation-driven library: this runs before anything else at every
 * start, and its classes load from the class-data archive (see docs/performance.md).
 */
public final class Cli {
  /** Exit code of {@code serve}: the server threads keep the JVM running until it is stopped. */
  public static final int SERVING = -1;

  static final String VERSION = "faqbot 0.1";
  private static final Option HELP =
      Option.builder("h").longOpt("help").desc("show this help and exit").get();

  private final List<Command> commands;
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  public Cli(List<Command> commands, Map<String, String> env, PrintStream out, PrintStream err) {
    this.commands = commands;
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /** Runs what {@code args} ask for; returns the exit code, or {@link #SERVING}. */
  public int run(String... args) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      printOverview();
      return 0;
    }
    if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
      out.println(VERSION);
      return 0;
    }
    Command command = commands.get(0);
    String[] rest = args;
    if (args.length > 0 && !args[0].startsWith("-")) {
      command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
      if (command == null) {
        err.println(
            "faqbot: unknown command '"
                + args[0]
                + "'; the commands are "
                + names()
                + " (faqbot --help)");
        return 2;
      }
      rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    Options options = new Options();
    command.options().getOptions().forEach(options::addOption);
    options.addOption(HELP);
    CommandLine parsed;
    try {
      parsed = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, rest);
    } catch (ParseException e) {
      return usageError(command, e.getMessage());
    }
    if (parsed.hasOption(HELP)) {
      printHelp(command, options);
      return 0;
    }
    // A usage line ending in "..." takes at least that many; any other exactly that many.
    boolean repeats = command.params().endsWith("...");
    int given = parsed.getArgList().size();
    if (repeats ? given < command.positional() : given != command.positional()) {
      return usageError(
          command,
          command.positional() == 0
              ? "unexpected argument '" + parsed.getArgList().get(0) + "'"
              : "expected "
                  + command.params()
                  + ", got "
                  + (parsed.getArgList().isEmpty()
                      ? "nothing"
                      : String.join(" ", parsed.getArgList())));
    }
    // A misspelt variable would otherwise be ignored without a word.
    for (String warning : new SettingsReader(env, null).warnings()) {
      err.println("faqbot " + command.name() + ": warning: " + warning);
    }
    try {
      return command.action().run(new Invocation(parsed, env, out, err));
    } catch (Exception e) {
      String problem = problem(e);
      if (problem == null) {
        err.println(
            "faqbot "
                + command.name()
                + ": unexpected error (a bug; please report it with this trace):");
        e.printStackTrace(err);
        return 1;
      }
      err.println("faqbot " + command.name() + ": " + problem);
      return 2;
    }
  }

  /** A missing file or bad input is the user's to fix: the message to show, else null (a bug). */
  private static String problem(Exception e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "not allowed to read or write " + denied.getFile();
    }
    if (e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return null;
  }

  private int usageError(Command command, String message) {
    err.println(
        "faqbot " + command.name() + ": " + message + " (faqbot " + command.name() + " --help)");
    return 2;
  }

  private String names() {
    return String.join(", ", commands.stream().map(Command::name).toList());
  }

  private void printOverview() {
    out.println("usage: faqbot [command] [options]");
    out.println("Helpdesk FAQ chat bot with guided troubleshooting. Without a command it serves.");
    out.println();
    out.println("Commands:");
    int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (Command c : commands) {
      out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", c.name(), c.summary());
    }
    out.println();
    out.println(
        "faqbot <command> --help explains a command's options; faqbot --version prints the version.");
  }

  private void printHelp(Command command, Options options) {
    try {
      TextHelpAppendable text = new TextHelpAppendable(out);
      text.setMaxWidth(100);
      HelpFormatter.builder()
          .setHelpAppendable(text)
          .setShowSince(false)
          .get()
          .printHelp(
              "faqbot "
                  + command.name()
                  + " [options]"
                  + (command.params().isEmpty() ? "" : " " + command.params()),
              command.summary(),
              options,
              "",
              false);
      if (!command.details().isEmpty()) {
        out.println();
        out.print(command.details());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
