package no.faqbot.cli;

import java.util.List;
import no.faqbot.config.Setting;

/** The settings as {@code serve --help} lists them: names and default, then what it does. */
final class SettingsHelp {
  private static final int WIDTH = 100;
  private static final String INDENT = "      ";

  private SettingsHelp() {}

  static String text(List<Setting<?>> settings) {
    StringBuilder text =
        new StringBuilder(
            "Settings (flags win over environment variables, which win over defaults):\n");
    for (Setting<?> s : settings) {
      text.append("  ")
          .append(s.variable())
          .append(s.flag() == null ? "" : ", --" + s.flag())
          .append(
              s.defaultValue() == null ? "  (no default)" : "  (default " + s.defaultValue() + ")")
          .append('\n');
      wrap(s.description(), text);
    }
    return text.toString();
  }

  /** Words onto lines of at most {@link #WIDTH} characters, each indented. */
  private static void wrap(String description, StringBuilder text) {
    StringBuilder line = new StringBuilder(INDENT);
    for (String word : description.split(" ")) {
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        text.append(line).append('\n');
        line = new StringBuilder(INDENT);
      }
      if (line.length() > INDENT.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    text.append(line).append('\n');
  }
}
