package no.faqbot.config;

/**
 * One thing the server can be configured with: its environment variable, its command-line flag if
 * it has one, the value used when it is not set, and what it does. {@link Catalogue} lists them
 * all; {@code faqbot serve --help} and the README's configuration table are made from that list.
 *
 * @param variable the environment variable, {@code FAQBOT_...}
 * @param flag the long option of {@code serve} without dashes, or null when there is none
 * @param defaultValue the value used when neither is set, as written; null when unset means off or
 *     none (the description says which)
 * @param description one line in English: what it does and what it takes
 */
public record Setting(String variable, String flag, String defaultValue, String description) {
  public Setting {
    if (!variable.startsWith("FAQBOT_") || description.isBlank()) {
      throw new IllegalArgumentException(
          "a setting needs a FAQBOT_ variable and a description: " + variable);
    }
  }
}
