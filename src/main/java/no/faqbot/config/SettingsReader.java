package no.faqbot.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import no.faqbot.web.RateLimit;

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
    String host = text(Catalogue.HOST);
    int port = integer(Catalogue.PORT, 0, 65535);
    Path content = path(Catalogue.CONTENT);
    Path index = path(Catalogue.INDEX);
    String supportEmail = address(Catalogue.SUPPORT_EMAIL, true);
    String stateSecret = verbatim(Catalogue.STATE_SECRET);
    SupportLimits supportLimits =
        new SupportLimits(
            integer(Catalogue.MAX_SCREENSHOTS, 0, 20),
            integer(Catalogue.MAX_SCREENSHOT_MB, 1, 100) * 1024L * 1024,
            integer(Catalogue.SUPPORT_AT_ONCE, 1, 100));
    SmtpSettings smtp = smtp();
    String corsOrigins = origins(Catalogue.CORS_ORIGINS);
    Path data = path(Catalogue.DATA);
    String staffUser = verbatim(Catalogue.STAFF_USER);
    String staffPassword = verbatim(Catalogue.STAFF_PASSWORD);
    int threads = integer(Catalogue.THREADS, Settings.MIN_THREADS, 1000);
    String trustedProxies = proxies(Catalogue.TRUSTED_PROXIES);
    int ipv6Prefix = integer(Catalogue.IPV6_PREFIX, 1, 128);
    Map<String, String> limits = limits();
    StoreSettings store = store();
    RecordingSettings recording =
        new RecordingSettings(
            onOff(Catalogue.RECORDING),
            integer(Catalogue.RETENTION_DAYS, 1, 3650),
            integer(Catalogue.STORE_MAX_MB, 1, 1_000_000) * 1024L * 1024,
            integer(Catalogue.DISK_RESERVE_MB, 0, 1_000_000) * 1024L * 1024);
    OperationsSettings operations =
        new OperationsSettings(
            Duration.ofSeconds(integer(Catalogue.SHUTDOWN_SECONDS, 0, 600)),
            text(Catalogue.METRICS_TOKEN),
            choice(Catalogue.LOG_FORMAT, "text", "json").equals("json"));
    check();
    return new Settings(
        host,
        port,
        content,
        index,
        supportEmail,
        stateSecret,
        supportLimits,
        smtp,
        corsOrigins,
        data,
        staffUser,
        staffPassword,
        threads,
        trustedProxies,
        limits,
        store,
        recording,
        operations,
        ipv6Prefix);
  }

  /** The event store alone, for commands that only read it ({@code report}). */
  public StoreSettings storeSettings() {
    StoreSettings store = store();
    check();
    return store;
  }

  /** Where support cases are delivered ({@code FAQBOT_HELPDESK*}) and their screenshots' room. */
  public HelpdeskSettings helpdesk() {
    String kind = choice(Catalogue.HELPDESK, "off", "webhook", "zendesk", "freshdesk");
    long storage = integer(Catalogue.CASE_STORAGE_MB, 1, 100_000) * 1024L * 1024;
    String url = raw(Catalogue.HELPDESK_URL);
    String user = raw(Catalogue.HELPDESK_USER);
    String secret = verbatim(Catalogue.HELPDESK_SECRET);
    URI uri = null;
    if (!"off".equals(kind)) {
      uri = webAddress(Catalogue.HELPDESK_URL, url, kind);
      // Only whether it is set: a secret is never repeated in a message.
      if (secret == null || secret.isBlank()) {
        problems.add(
            Catalogue.HELPDESK_SECRET.variable() + " must be set for FAQBOT_HELPDESK=" + kind);
      }
      if ("zendesk".equals(kind) && user == null) {
        problems.add(
            Catalogue.HELPDESK_USER.variable()
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
    String issuer = raw(Catalogue.OIDC_ISSUER);
    boolean only = onOff(Catalogue.OIDC_ONLY);
    String userClaim = text(Catalogue.OIDC_USER_CLAIM);
    if (!userClaim.matches("[\\x21-\\x7e]{1,200}")) {
      problem(Catalogue.OIDC_USER_CLAIM, userClaim, "a claim name (email, preferred_username)");
    }
    if (issuer == null) {
      for (Setting s :
          List.of(
              Catalogue.OIDC_CLIENT_ID,
              Catalogue.OIDC_CLIENT_SECRET,
              Catalogue.OIDC_REDIRECT_URI,
              Catalogue.OIDC_NAME)) {
        if (raw(s) != null) {
          problems.add(
              s.variable()
                  + " is set but "
                  + Catalogue.OIDC_ISSUER.variable()
                  + " is not: set the provider's issuer URL to turn the OpenID Connect login on,"
                  + " or unset "
                  + s.variable());
        }
      }
      if (only) {
        problems.add(
            Catalogue.OIDC_ONLY.variable()
                + "=on turns password logins off, which needs "
                + Catalogue.OIDC_ISSUER.variable()
                + " (else nobody could log in)");
      }
      check();
      return OidcSettings.OFF;
    }
    URI issuerUri =
        oidcAddress(Catalogue.OIDC_ISSUER, issuer, "https://login.example.com/realms/shop");
    String clientId = raw(Catalogue.OIDC_CLIENT_ID);
    if (clientId == null) {
      problems.add(
          Catalogue.OIDC_CLIENT_ID.variable()
              + " must be set with FAQBOT_OIDC_ISSUER: faqbot's client id at the provider");
    }
    String redirect = raw(Catalogue.OIDC_REDIRECT_URI);
    URI redirectUri = null;
    if (redirect == null) {
      // Made up from the request's Host header, it would follow whatever a client claims.
      problems.add(
          Catalogue.OIDC_REDIRECT_URI.variable()
              + " must be set with FAQBOT_OIDC_ISSUER: this server's public address ending in "
              + OidcSettings.CALLBACK
              + ", as registered at the provider");
    } else {
      redirectUri =
          oidcAddress(
              Catalogue.OIDC_REDIRECT_URI,
              redirect,
              "https://faqbot.shop.no" + OidcSettings.CALLBACK);
      if (redirectUri != null && !redirectUri.getRawPath().endsWith(OidcSettings.CALLBACK)) {
        problem(
            Catalogue.OIDC_REDIRECT_URI,
            redirect,
            "an address ending in " + OidcSettings.CALLBACK + ", where faqbot takes the return");
        redirectUri = null;
      }
    }
    String secret = verbatim(Catalogue.OIDC_CLIENT_SECRET);
    String name = raw(Catalogue.OIDC_NAME);
    check();
    return new OidcSettings(
        issuerUri,
        clientId,
        secret == null || secret.isEmpty() ? null : secret,
        redirectUri,
        name != null ? name : issuerUri.getHost(),
        userClaim,
        only);
  }

  /**
   * An https address without a query or fragment; http only to this machine (a provider in a test
   * or on a developer's laptop), since codes and tokens travel over it.
   */
  private URI oidcAddress(Setting setting, String value, String example) {
    try {
      URI uri = new URI(value);
      boolean local =
          "localhost".equals(uri.getHost())
              || "127.0.0.1".equals(uri.getHost())
              || "[::1]".equals(uri.getHost());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && local)
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problem(
        setting,
        value,
        "an https address without query or fragment (" + example + "); http only to localhost");
    return null;
  }

  private URI webAddress(Setting setting, String value, String kind) {
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

  /** A folder setting alone ({@link Catalogue#CONTENT}, {@link Catalogue#INDEX}, ...). */
  public Path folder(Setting setting) {
    Path path = path(setting);
    check();
    return path;
  }

  /**
   * Warnings for {@code FAQBOT_*} variables that are no setting (a misspelt one would otherwise be
   * ignored without a word), each naming the setting it is closest to.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (String variable : new TreeMap<>(env).keySet()) {
      if (variable.startsWith("FAQBOT_")
          && !variable.startsWith(Settings.LIMIT_PREFIX)
          && Catalogue.byVariable(variable) == null) {
        warnings.add(variable + " is not a faqbot setting and is ignored" + closest(variable));
      }
    }
    return warnings;
  }

  private void check() {
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
  }

  /** The flag's value, else the variable's; null when neither is set or it is blank. */
  private String raw(Setting setting) {
    String value = verbatim(setting);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * As given, spaces and all, or null: user names, passwords and keys are used exactly as set (the
   * servers that check them decide what is blank).
   */
  private String verbatim(Setting setting) {
    String value = setting.flag() == null ? null : flags.get(setting.flag());
    return value != null ? value : env.get(setting.variable());
  }

  /** Where a value came from, for a message: the flag when it was given, else the variable. */
  private String source(Setting setting) {
    return setting.flag() != null && flags.get(setting.flag()) != null
        ? "--" + setting.flag() + " (" + setting.variable() + ")"
        : setting.variable();
  }

  private void problem(Setting setting, String value, String allowed) {
    problems.add(source(setting) + " must be " + allowed + ", got '" + value + "'");
  }

  private String text(Setting setting) {
    String value = raw(setting);
    return value == null ? setting.defaultValue() : value;
  }

  private Path path(Setting setting) {
    String value = text(setting);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      problem(setting, value, "a folder path (" + e.getReason() + ")");
      return Path.of(setting.defaultValue());
    }
  }

  private int integer(Setting setting, int min, int max) {
    String value = raw(setting);
    int fallback = Integer.parseInt(setting.defaultValue());
    if (value == null) {
      return fallback;
    }
    String allowed = "a whole number from " + min + " to " + max;
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    problem(setting, value, allowed);
    return fallback;
  }

  private boolean onOff(Setting setting) {
    String value = text(setting);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> {
        problem(setting, value, "on or off (also true/false, yes/no, 1/0)");
        yield "on".equals(setting.defaultValue());
      }
    };
  }

  private String choice(Setting setting, String... allowed) {
    String value = text(setting).toLowerCase(Locale.ROOT);
    if (List.of(allowed).contains(value)) {
      return value;
    }
    problem(setting, value, String.join(" or ", allowed));
    return setting.defaultValue();
  }

  /** One e-mail address; {@code bare}: without a display name ({@code name@shop.no}). */
  private String address(Setting setting, boolean bare) {
    String value = text(setting);
    if (value == null) {
      return null;
    }
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      if (!bare || address.getPersonal() == null && address.getAddress().equals(value)) {
        return value;
      }
    } catch (AddressException e) {
      // reported below
    }
    problem(
        setting,
        value,
        bare
            ? "one e-mail address (name@example.com)"
            : "one e-mail address (Name <name@example.com>)");
    return setting.defaultValue();
  }

  /** Comma-separated origins, each {@code https://host[:port]} without a path, or {@code *}. */
  private String origins(Setting setting) {
    String value = raw(setting);
    if (value == null) {
      return null;
    }
    for (String part : value.split(",")) {
      String origin = part.strip();
      if (!origin.isEmpty() && !origin.equals("*") && !isOrigin(origin)) {
        problem(
            setting,
            origin,
            "origins (scheme, host and port, no path: https://shop.example), comma-separated, or *");
      }
    }
    return value;
  }

  private static boolean isOrigin(String origin) {
    try {
      URI uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private String proxies(Setting setting) {
    String value = raw(setting);
    try {
      ClientAddress.trusting(value);
      return value;
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage()); // names the variable and the part that is wrong
      return null;
    }
  }

  /** The {@code FAQBOT_LIMIT_*} variables set, checked by name and by value. */
  private Map<String, String> limits() {
    Map<String, String> limits = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String variable = e.getKey();
      if (!variable.startsWith(Settings.LIMIT_PREFIX)) {
        continue;
      }
      Setting setting = Catalogue.byVariable(variable);
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
      try {
        RateLimit.parse(variable, e.getValue());
        limits.put(variable, e.getValue());
      } catch (IllegalArgumentException bad) {
        problems.add(bad.getMessage()); // names the variable and the forms it takes
      }
    }
    return limits;
  }

  private StoreSettings store() {
    String url = raw(Catalogue.DATABASE_URL);
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      problem(
          Catalogue.DATABASE_URL, url, "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db)");
      url = null;
    }
    return new StoreSettings(
        url, verbatim(Catalogue.DATABASE_USER), verbatim(Catalogue.DATABASE_PASSWORD));
  }

  /** Null when no SMTP host is set: the server then only prepares e-mails. */
  private SmtpSettings smtp() {
    int port = integer(Catalogue.SMTP_PORT, 1, 65535);
    boolean startTls = onOff(Catalogue.SMTP_STARTTLS);
    String from = address(Catalogue.SMTP_FROM, false);
    String host = raw(Catalogue.SMTP_HOST);
    return host == null
        ? null
        : new SmtpSettings(
            host,
            port,
            verbatim(Catalogue.SMTP_USER),
            verbatim(Catalogue.SMTP_PASSWORD),
            startTls,
            from);
  }

  /** {@code ; did you mean FAQBOT_PORT?} for the nearest setting, or nothing when none is near. */
  private static String closest(String variable) {
    Setting best = null;
    int bestDistance = 4;
    for (Setting s : Catalogue.ALL) {
      int d = EditDistance.within(variable, s.variable(), 3);
      if (d < bestDistance) {
        best = s;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean " + best.variable() + "?";
  }
}
