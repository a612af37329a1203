package no.faqbot.cli;

/**
 * The {@code faqbot} command: {@code serve} (the default), {@code validate}, {@code index}, {@code
 * eval}, {@code selftest}.
 */
public final class Main {
  private Main() {}

  @SuppressForbidden(reason = "the one place that gives the commands the console")
  public static void main(String[] args) {
    int code = new Cli(Commands.all(), System.getenv(), System.out, System.err).run(args);
    if (code != Cli.SERVING) {
      System.exit(code);
    }
  }
}
