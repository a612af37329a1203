package no.faqbot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One thing the server can be configured with: its environment variable, its command-line flag if
 * it has one, the value used when it is not set, what it does, and how its value is read. {@link
 * Catalogue} lists them all; {@code faqbot serve --help} and the README's configuration table are
 * made from that list, and {@link SettingsReader} reads each through its {@link #parser}, so a
 * setting's name, default and parsing are written once.
 *
 * @param variable the environment variable, {@code FAQBOT_...}
 * @param flag the long option of {@code serve} without dashes, or null when there is none
 * @param defaultValue the value used when neither is set, as written; null when unset means off or
 *     none (the description says which)
 * @param description one line in English: what it does and what it takes
 * @param parser turns the value given (or the default) into the typed value
 * @param <T> the typed value
 */
public record Setting<T>(
    String variable, String flag, String defaultValue, String description, Parser<T> parser) {
  public Setting {
    if (!variable.startsWith("FAQBOT_") || description.isBlank()) {
      throw new IllegalArgumentException(
          "a setting needs a FAQBOT_ variable and a description: " + variable);
    }
  }

  /** A setting with no command-line flag: its environment variable alone sets it. */
  public static <T> Setting<T> env(
      String variable, String defaultValue, String description, Parser<T> parser) {
    return new Setting<>(variable, null, defaultValue, description, parser);
  }

  /** A setting read as text: stripped, the default when unset or blank. */
  public static Setting<String> text(
      String variable, String flag, String defaultValue, String description) {
    return new Setting<>(variable, flag, defaultValue, description, Parsers.text());
  }

  /** The typed value of {@code given} (null: not set); what is wrong goes to {@code problems}. */
  public T parse(String given, Problems problems) {
    return parser.parse(given, defaultValue, problems);
  }

  /** The typed value when nothing is set: the default, read as a value given would be. */
  public T fallback() {
    return valueOf(null);
  }

  /**
   * The typed value of {@code given} (null: not set), for code that sets one value (a test, a
   * command reading one variable).
   *
   * @throws SettingsException naming the variable, the value and what is allowed
   */
  public T valueOf(String given) {
    List<String> problems = new ArrayList<>();
    T value =
        parse(
            given,
            new Problems() {
              @Override
              public void refuse(String value, String allowed) {
                add(variable + " must be " + allowed + ", got '" + value + "'");
              }

              @Override
              public void add(String problem) {
                problems.add(problem);
              }
            });
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return value;
  }

  /**
   * Reads a setting's value.
   *
   * @param <T> the typed value
   */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * Reads {@code given}, or the default when it is not set.
     *
     * @param given the value as given (spaces and all), or null when not set
     * @param defaultValue the setting's default as written, or null
     * @return the typed value; when a problem was reported, a stand-in (the start fails anyway)
     */
    T parse(String given, String defaultValue, Problems problems);

    /** This parser's value turned into another ({@code 5} megabytes into bytes). */
    default <R> Parser<R> map(Function<? super T, ? extends R> to) {
      return (given, defaultValue, problems) -> to.apply(parse(given, defaultValue, problems));
    }
  }

  /** Where a parser says what is wrong; a start collects them all before it fails. */
  public interface Problems {
    /** {@code value} is not allowed; {@code allowed} says what is ({@code on or off}). */
    void refuse(String value, String allowed);

    /** A problem said in full, naming the variable. */
    void add(String problem);
  }
}
