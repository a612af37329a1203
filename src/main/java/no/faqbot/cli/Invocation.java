package no.faqbot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.cases.HelpdeskSettings;
import no.faqbot.config.Catalogue;
import no.faqbot.config.ServerCatalogue;
import no.faqbot.config.Settings;
import no.faqbot.config.SettingsReader;
import no.faqbot.staff.OidcSettings;
import no.faqbot.store.StoreSettings;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * One run of a command: its parsed options, the environment (each option's fallback) and where it
 * prints. Settings are read by {@link SettingsReader}, with the flags given here.
 */
public record Invocation(
    CommandLine parsed, Map<String, String> env, PrintStream out, PrintStream err) {

  /** A command's own option ({@code --days}), not a setting: its value, else {@code fallback}. */
  public String option(String name, String fallback) {
    String value = parsed.getOptionValue(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  public boolean flag(String name) {
    return parsed.hasOption(name);
  }

  public List<String> positional() {
    return parsed.getArgList();
  }

  public Path content() {
    return reader(Map.of()).one(ServerCatalogue.CONTENT);
  }

  public Path index() {
    return reader(Map.of()).one(ServerCatalogue.INDEX);
  }

  /** Where recorded events are kept ({@link Catalogue#DATA}). */
  public Path data() {
    return reader(Map.of()).one(ServerCatalogue.DATA);
  }

  /** The event store: PostgreSQL when {@link Catalogue#DATABASE_URL} is set, else embedded. */
  public StoreSettings storeSettings() {
    return reader(Map.of()).storeSettings();
  }

  /** Where support cases are delivered ({@code FAQBOT_HELPDESK*}). */
  public HelpdeskSettings helpdesk() {
    return reader(Map.of()).helpdesk();
  }

  /** The OpenID Connect staff login ({@code FAQBOT_OIDC_*}); off without an issuer. */
  public OidcSettings oidc() {
    return reader(Map.of()).oidc();
  }

  /** Every setting, from the flags given and the environment. */
  public Settings settings() {
    return reader(Map.of()).settings();
  }

  /** Every setting, with {@code fixed} (by flag name) in place of what was given. */
  public Settings settings(Map<String, String> fixed) {
    return reader(fixed).settings();
  }

  private SettingsReader reader(Map<String, String> fixed) {
    Map<String, String> flags = new HashMap<>();
    for (Option o : parsed.getOptions()) {
      if (o.getLongOpt() != null && o.getValue() != null) {
        flags.put(o.getLongOpt(), o.getValue());
      }
    }
    flags.putAll(fixed);
    return new SettingsReader(env, flags);
  }
}
