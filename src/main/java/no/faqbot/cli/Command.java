package no.faqbot.cli;

import org.apache.commons.cli.Options;

/**
 * One subcommand of {@code faqbot}: its name, what {@code --help} says about it, its options and
 * the action that runs it.
 *
 * @param params the positional parameters for the usage line, e.g. {@code FILE}, or empty
 * @param positional how many positional parameters it takes (exactly; at least when {@code params}
 *     ends in "...")
 * @param details printed after the options by {@code --help}, as is; empty for nothing
 */
public record Command(
    String name,
    String summary,
    String params,
    int positional,
    Options options,
    String details,
    Action action) {

  /** Runs the command; returns the exit code, or {@link Cli#SERVING} while the server runs. */
  @FunctionalInterface
  public interface Action {
    int run(Invocation invocation) throws Exception;
  }
}
