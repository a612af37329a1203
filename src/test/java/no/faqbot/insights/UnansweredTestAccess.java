package no.faqbot.insights;

import java.nio.file.Path;
import no.faqbot.config.Settings;

/** The settings {@link UnansweredTest} serves with, for tests in other packages. */
public final class UnansweredTestAccess {
  private UnansweredTestAccess() {}

  /** The server over {@code content} with the embedded store and the login anna / riktig hest. */
  public static Settings settings(Path content, Path tmp) {
    return UnansweredTest.settings(content, tmp);
  }
}
