package no.faqbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.faqbot.cases.HelpdeskSettings;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.search.EditDistance;
import no.faqbot.staff.OidcSettings;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ClientLimits;

/**
 * Reads the settings of {@link Catalogue} from flags (which win) and {@code FAQBOT_*} environment
 * variables, checks each, and collects every problem before failing, so one start names them all.
 */
public final class SettingsReader {
  private final Map<String, String> env;
  private final Map<String, String> flags;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param env the environment, by variable
   * @param flags the flags given, by long name without dashes ({@code port}); null for none
   */
  public SettingsReader(Map<String, String> env, Map<String, String> flags) {
    this.env = Map.copyOf(env);
    this.flags = flags == null ? Map.of() : Map.copyOf(flags);
  }

  /** Everything {@code serve} needs. */
  public Settings settings() {
    String host = read(ServerCatalogue.HOST);
    int port = read(ServerCatalogue.PORT);
    Path content = read(ServerCatalogue.CONTENT);
    Path index = read(ServerCatalogue.INDEX);
    Settings.Support support = support();
    String stateSecret = read(ServerCatalogue.STATE_SECRET);
    List<String> corsOrigins = read(ServerCatalogue.CORS_ORIGINS);
    Path data = read(ServerCatalogue.DATA);
    Settings.Staff staff =
        new Settings.Staff(read(StaffCatalogue.STAFF_USER), read(StaffCatalogue.STAFF_PASSWORD));
    int threads = read(ServerCatalogue.THREADS);
    ClientAddress proxies = read(ServerCatalogue.TRUSTED_PROXIES);
    int ipv6Prefix = read(ServerCatalogue.IPV6_PREFIX);
    List<ClientLimits.Rule> limits = limits();
    StoreSettings store = store();
    RecordingSettings recording =
        new RecordingSettings(
            read(StoreCatalogue.RECORDING),
            read(StoreCatalogue.RETENTION_DAYS),
            read(StoreCatalogue.STORE_MAX_MB),
            read(StoreCatalogue.DISK_RESERVE_MB));
    OperationsSettings operations =
        new OperationsSettings(
            read(OperationsCatalogue.SHUTDOWN_SECONDS),
            read(OperationsCatalogue.METRICS_TOKEN),
            read(OperationsCatalogue.LOG_FORMAT));
    check();
    return new Settings(
        new Settings.Http(host, port, threads, corsOrigins, proxies.ipv6Prefix(ipv6Prefix)),
        new Settings.Folders(content, index, data),
        staff,
        support,
        store,
        recording,
        operations,
        limits,
        stateSecret);
  }

  /** The event store alone, for commands that only read it ({@code report}). */
  public StoreSettings storeSettings() {
    StoreSettings store = store();
    check();
    return store;
  }

  /** Where support cases are delivered ({@code FAQBOT_HELPDESK*}) and their screenshots' room. */
  public HelpdeskSettings helpdesk() {
    String kind = read(SupportCatalogue.HELPDESK);
    long storage = read(SupportCatalogue.CASE_STORAGE_MB);
    String user = read(SupportCatalogue.HELPDESK_USER);
    String secret = read(SupportCatalogue.HELPDESK_SECRET);
    URI uri = null;
    if (!"off".equals(kind)) {
      uri = webAddress(SupportCatalogue.HELPDESK_URL, read(SupportCatalogue.HELPDESK_URL), kind);
      // Only whether it is set: a secret is never repeated in a message.
      if (secret == null || secret.isBlank()) {
        problems.add(
            SupportCatalogue.HELPDESK_SECRET.variable()
                + " must be set for FAQBOT_HELPDESK="
                + kind);
      }
      if ("zendesk".equals(kind) && user == null) {
        problems.add(
            SupportCatalogue.HELPDESK_USER.variable()
                + " must be the agent's e-mail for FAQBOT_HELPDESK=zendesk");
      }
    }
    check();
    return new HelpdeskSettings(kind, uri, user, secret, storage);
  }

  /**
   * The OpenID Connect staff login ({@code FAQBOT_OIDC_*}): off without an issuer; with one, the
   * client id and the redirect URI must be set too. Only whether the secret is set is ever said.
   */
  public OidcSettings oidc() {
    return new OidcReader(this).oidc();
  }

  private URI webAddress(Setting<?> setting, String value, String kind) {
    if (value == null) {
      problems.add(setting.variable() + " must be set for FAQBOT_HELPDESK=" + kind);
      return null;
    }
    try {
      URI uri = new URI(value);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problem(setting, value, "an http(s) address (https://shop.zendesk.com)");
    return null;
  }

  /** One setting alone ({@link Catalogue#CONTENT}, {@link Catalogue#INDEX}, ...). */
  public <T> T one(Setting<T> setting) {
    T value = read(setting);
    check();
    return value;
  }

  /**
   * Warnings for {@code FAQBOT_*} variables that are no setting (a misspelt one would otherwise be
   * ignored without a word), each naming the setting it is closest to.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (String variable : new TreeMap<>(env).keySet()) {
      if (variable.startsWith("FAQBOT_")
          && !variable.startsWith(Catalogue.LIMIT_PREFIX)
          && Catalogue.byVariable(variable) == null) {
        warnings.add(variable + " is not a faqbot setting and is ignored" + closest(variable));
      }
    }
    return warnings;
  }

  void check() {
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
  }

  /** The typed value given by the flag, else the variable, else the default. */
  <T> T read(Setting<T> setting) {
    return setting.parse(
        verbatim(setting),
        new Setting.Problems() {
          @Override
          public void refuse(String value, String allowed) {
            problem(setting, value, allowed);
          }

          @Override
          public void add(String problem) {
            problems.add(problem);
          }
        });
  }

  /** The flag's value, else the variable's; null when neither is set or it is blank. */
  String raw(Setting<?> setting) {
    return Parsers.stripped(verbatim(setting));
  }

  /** As given, spaces and all, or null. */
  private String verbatim(Setting<?> setting) {
    String value = setting.flag() == null ? null : flags.get(setting.flag());
    return value != null ? value : env.get(setting.variable());
  }

  /** Where a value came from, for a message: the flag when it was given, else the variable. */
  private String source(Setting<?> setting) {
    return setting.flag() != null && flags.get(setting.flag()) != null
        ? "--" + setting.flag() + " (" + setting.variable() + ")"
        : setting.variable();
  }

  /** A problem said in full, naming the variable. */
  void add(String problem) {
    problems.add(problem);
  }

  void problem(Setting<?> setting, String value, String allowed) {
    problems.add(source(setting) + " must be " + allowed + ", got '" + value + "'");
  }

  /**
   * Every limit: as set in the {@code FAQBOT_LIMIT_*} variables, checked by name and by value, else
   * its default.
   */
  private List<ClientLimits.Rule> limits() {
    Map<String, ClientLimits.Rule> set = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String variable = e.getKey();
      if (!variable.startsWith(Catalogue.LIMIT_PREFIX)) {
        continue;
      }
      Setting<ClientLimits.Rule> setting = Catalogue.limit(variable);
      if (setting == null) {
        // A limit that silently stays at its default is a limit that does not hold: an error.
        problems.add(
            variable
                + " is not a known limit"
                + closest(variable)
                + " (known: "
                + String.join(", ", Catalogue.LIMITS.stream().map(Setting::variable).toList())
                + ")");
        continue;
      }
      set.put(variable, read(setting));
    }
    return Catalogue.LIMITS.stream()
        .map(s -> set.containsKey(s.variable()) ? set.get(s.variable()) : s.fallback())
        .toList();
  }

  private StoreSettings store() {
    return new StoreSettings(
        read(StoreCatalogue.DATABASE_URL),
        read(StoreCatalogue.DATABASE_USER),
        read(StoreCatalogue.DATABASE_PASSWORD));
  }

  /** Where support e-mails go, what they take and how they are sent. */
  private Settings.Support support() {
    String email = read(SupportCatalogue.SUPPORT_EMAIL);
    SupportLimits limits =
        new SupportLimits(
            read(SupportCatalogue.MAX_SCREENSHOTS),
            read(SupportCatalogue.MAX_SCREENSHOT_MB),
            read(SupportCatalogue.SUPPORT_AT_ONCE));
    return new Settings.Support(email, limits, smtp());
  }

  /** Null when no SMTP host is set: the server then only prepares e-mails. */
  private SmtpSettings smtp() {
    int port = read(SupportCatalogue.SMTP_PORT);
    boolean startTls = read(SupportCatalogue.SMTP_STARTTLS);
    String from = read(SupportCatalogue.SMTP_FROM);
    String host = read(SupportCatalogue.SMTP_HOST);
    return host == null
        ? null
        : new SmtpSettings(
            host,
            port,
            read(SupportCatalogue.SMTP_USER),
            read(SupportCatalogue.SMTP_PASSWORD),
            startTls,
            from);
  }

  /** {@code ; did you mean FAQBOT_PORT?} for the nearest setting, or nothing when none is near. */
  private static String closest(String variable) {
    Setting<?> best = null;
    int bestDistance = 4;
    for (Setting<?> s : Catalogue.ALL) {
      int d = EditDistance.within(variable, s.variable(), 3);
      if (d < bestDistance) {
        best = s;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean " + best.variable() + "?";
  }
}
