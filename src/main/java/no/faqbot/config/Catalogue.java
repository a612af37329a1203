package no.faqbot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.staff.OidcSettings;
import no.faqbot.support.SupportLimits;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ClientLimits;

/**
 * Every setting faqbot reads, in the order {@code serve --help} and the README list them. A
 * variable that is not here is not read: {@link SettingsReader} reads only these.
 */
public final class Catalogue {
  private Catalogue() {}

  /** Environment variables that set a per-client limit start with this. */
  public static final String LIMIT_PREFIX = "FAQBOT_LIMIT_";

  /** The limit set by {@code variable} ({@code FAQBOT_LIMIT_CHAT}), or null when none is. */
  public static Setting<ClientLimits.Rule> limit(String variable) {
    return LIMITS.stream().filter(s -> s.variable().equals(variable)).findFirst().orElse(null);
  }

  public static final Setting<String> HOST =
      new Setting<>("FAQBOT_HOST", "host", "127.0.0.1", "address to listen on", Parsers.text());
  public static final Setting<Integer> PORT =
      new Setting<>(
          "FAQBOT_PORT",
          "port",
          "7070",
          "port to listen on (0 to 65535; 0 takes a free one)",
          Parsers.integer(0, 65535));
  public static final Setting<Path> CONTENT =
      new Setting<>(
          "FAQBOT_CONTENT",
          "content",
          "content",
          "content folder: FAQ entries, synonyms, replies and flows",
          Parsers.path());
  public static final Setting<Path> INDEX =
      new Setting<>(
          "FAQBOT_INDEX",
          "index",
          "index",
          "index folder; generated, reused while content and analysis are unchanged",
          Parsers.path());
  public static final Setting<Path> DATA =
      new Setting<>(
          "FAQBOT_DATA",
          null,
          "data",
          "where the embedded event store (faqbot.db) and other collected data are kept",
          Parsers.path());
  public static final Setting<String> SUPPORT_EMAIL =
      new Setting<>(
          "FAQBOT_SUPPORT_EMAIL",
          null,
          "product-upgrade-support@klarna.com",
          "the support address prepared e-mails go to (one bare address)",
          Parsers.address(true));

  /** Blank counts as unset, and the name is used stripped. */
  public static final Setting<String> STAFF_USER =
      new Setting<>(
          "FAQBOT_STAFF_USER",
          null,
          "staff",
          "user name of the staff pages' bootstrap login, an admin beside the named accounts of"
              + " faqbot staff",
          Parsers.text());

  public static final Setting<String> STAFF_PASSWORD =
      new Setting<>(
          "FAQBOT_STAFF_PASSWORD",
          null,
          null,
          "its password; unset makes a random one at start and prints it once on the console",
          Parsers.verbatim());
  public static final Setting<String> OIDC_ISSUER =
      new Setting<>(
          "FAQBOT_OIDC_ISSUER",
          null,
          null,
          "an OpenID Connect provider's issuer URL (https://login.example.com/realms/shop) to offer"
              + " staff a login there; unset offers none (see docs/staff.md)",
          Parsers.text());
  public static final Setting<String> OIDC_CLIENT_ID =
      new Setting<>(
          "FAQBOT_OIDC_CLIENT_ID",
          null,
          null,
          "faqbot's client id at that provider; needed with FAQBOT_OIDC_ISSUER",
          Parsers.text());
  public static final Setting<String> OIDC_CLIENT_SECRET =
      new Setting<>(
          "FAQBOT_OIDC_CLIENT_SECRET",
          null,
          null,
          "its client secret (from the environment; never logged); unset for a public client",
          Parsers.verbatim());
  public static final Setting<String> OIDC_REDIRECT_URI =
      new Setting<>(
          "FAQBOT_OIDC_REDIRECT_URI",
          null,
          null,
          "this server's public address of the login's return, ending in"
              + " /staff/login/oidc/callback (https://faqbot.shop.no/staff/login/oidc/callback),"
              + " registered at the provider; needed with FAQBOT_OIDC_ISSUER",
          Parsers.text());
  public static final Setting<String> OIDC_NAME =
      new Setting<>(
          "FAQBOT_OIDC_NAME",
          null,
          null,
          "the provider's name on the login button (Keycloak, Entra ID, Google); unset shows the"
              + " issuer's host",
          Parsers.text());
  public static final Setting<String> OIDC_USER_CLAIM =
      new Setting<>(
          "FAQBOT_OIDC_USER_CLAIM",
          null,
          OidcSettings.DEFAULT_USER_CLAIM,
          "the ID token claim that must equal the name of a staff account (faqbot staff add);"
              + " without such an account the login is refused",
          Parsers.claimName());
  public static final Setting<Boolean> OIDC_ONLY =
      new Setting<>(
          "FAQBOT_OIDC_ONLY",
          null,
          "off",
          "on or off: on turns password logins (the form and HTTP Basic) off, so staff log in"
              + " only through the OpenID Connect provider",
          Parsers.onOff());
  public static final Setting<List<String>> CORS_ORIGINS =
      new Setting<>(
          "FAQBOT_CORS_ORIGINS",
          null,
          null,
          "shop origins whose pages may embed the widget from this server, comma-separated"
              + " (https://shop.example); unset allows none but this server's own",
          Parsers.origins());
  public static final Setting<ClientAddress> TRUSTED_PROXIES =
      new Setting<>(
          "FAQBOT_TRUSTED_PROXIES",
          null,
          null,
          "reverse proxies whose X-Forwarded-For is believed: IP addresses or CIDR ranges,"
              + " comma-separated (10.0.0.0/8); per-client limits and the login lockout key on the"
              + " nearest hop that is not one; unset trusts none",
          Parsers.proxies());
  public static final Setting<Integer> IPV6_PREFIX =
      new Setting<>(
          "FAQBOT_IPV6_PREFIX",
          null,
          Integer.toString(ClientAddress.DEFAULT_IPV6_PREFIX),
          "per-client limits and the login lockout key an IPv6 client by its network of this many"
              + " bits (1 to 128; an IPv6 client usually holds a whole /64), an IPv4 client by its"
              + " address",
          Parsers.integer(1, 128));
  public static final Setting<String> STATE_SECRET =
      new Setting<>(
          "FAQBOT_STATE_SECRET",
          null,
          null,
          "signs conversation state; unset uses a random key kept in the event store, which"
              + " replicas sharing PostgreSQL agree on",
          Parsers.verbatim());

  /**
   * Answering is CPU work of a tenth of a millisecond: a few threads per core keep both cores busy,
   * and with few runnable threads the JIT compiler gets its share of the CPU under load (with 32, a
   * fresh server still ran at a quarter of full speed after a minute). Requests that wait on a
   * merchant's upload or an SMTP server run on their own threads, not these.
   */
  public static final Setting<Integer> THREADS =
      new Setting<>(
          "FAQBOT_THREADS",
          null,
          "8",
          "requests served at once (8 to 1000); more wait their turn; support e-mails run on"
              + " threads of their own",
          Parsers.integer(Settings.MIN_THREADS, 1000));

  public static final Setting<Integer> MAX_SCREENSHOTS =
      new Setting<>(
          "FAQBOT_MAX_SCREENSHOTS",
          null,
          Integer.toString(SupportLimits.DEFAULT.maxFiles()),
          "screenshots a support e-mail takes (0 to 20)",
          Parsers.integer(0, 20));
  public static final Setting<Long> MAX_SCREENSHOT_MB =
      new Setting<>(
          "FAQBOT_MAX_SCREENSHOT_MB",
          null,
          Long.toString(SupportLimits.DEFAULT.maxFileBytes() / (1024 * 1024)),
          "largest screenshot in megabytes (1 to 100)",
          Parsers.megabytes(1, 100));
  public static final Setting<Integer> SUPPORT_AT_ONCE =
      new Setting<>(
          "FAQBOT_SUPPORT_AT_ONCE",
          null,
          Integer.toString(SupportLimits.DEFAULT_PER_CLIENT),
          "support e-mail requests one client may have in flight at once (1 to 100); more get 429",
          Parsers.integer(1, 100));
  public static final Setting<Boolean> RECORDING =
      new Setting<>(
          "FAQBOT_RECORDING",
          null,
          "on",
          "on or off: whether chat events are recorded for the insights pages (see docs/privacy.md)",
          Parsers.onOff());
  public static final Setting<Integer> RETENTION_DAYS =
      new Setting<>(
          "FAQBOT_RETENTION_DAYS",
          null,
          Integer.toString(RecordingSettings.DEFAULT_RETENTION_DAYS),
          "events older than this many days are deleted daily (1 to 3650)",
          Parsers.integer(1, 3650));
  public static final Setting<Long> STORE_MAX_MB =
      new Setting<>(
          "FAQBOT_STORE_MAX_MB",
          null,
          Integer.toString(RecordingSettings.DEFAULT_STORE_MAX_MB),
          "largest size of the event store in megabytes (1 to 1000000); while it is that large,"
              + " new events are refused (counted in /metrics, said once in the log)",
          Parsers.megabytes(1, 1_000_000));
  public static final Setting<Long> DISK_RESERVE_MB =
      new Setting<>(
          "FAQBOT_DISK_RESERVE_MB",
          null,
          Integer.toString(RecordingSettings.DEFAULT_DISK_RESERVE_MB),
          "free disk in megabytes the embedded store leaves (0 to 1000000); with less free, new"
              + " events are refused",
          Parsers.megabytes(0, 1_000_000));
  public static final Setting<String> DATABASE_URL =
      new Setting<>(
          "FAQBOT_DATABASE_URL",
          null,
          null,
          "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/faqbot) to keep events and shared"
              + " state in; unset uses the embedded store in FAQBOT_DATA; unreachable after 3 tries"
              + " stops the start",
          Parsers.jdbcUrl());
  public static final Setting<String> DATABASE_USER =
      new Setting<>("FAQBOT_DATABASE_USER", null, null, "the PostgreSQL user", Parsers.verbatim());
  public static final Setting<String> DATABASE_PASSWORD =
      new Setting<>(
          "FAQBOT_DATABASE_PASSWORD",
          null,
          null,
          "the PostgreSQL user's password",
          Parsers.verbatim());
  public static final Setting<Duration> SHUTDOWN_SECONDS =
      new Setting<>(
          "FAQBOT_SHUTDOWN_SECONDS",
          null,
          Long.toString(OperationsSettings.DEFAULT.shutdown().toSeconds()),
          "on SIGTERM, how long requests in flight may take to finish (0 to 600 seconds)",
          Parsers.integer(0, 600).map(Duration::ofSeconds));
  public static final Setting<String> METRICS_TOKEN =
      new Setting<>(
          "FAQBOT_METRICS_TOKEN",
          null,
          null,
          "when set, /metrics wants Authorization: Bearer with this token; unset leaves it open",
          Parsers.text());
  public static final Setting<Boolean> LOG_FORMAT =
      new Setting<>(
          "FAQBOT_LOG_FORMAT",
          null,
          "text",
          "text or json: log lines as text or as one JSON object each (time, level, request id;"
              + " for a request also method, path, status, ms and route template; never the query"
              + " or body)",
          Parsers.choice("text", "json").map("json"::equals));
  public static final Setting<ClientLimits.Rule> LIMIT_CHAT =
      limit("CHAT", "60/min", "POST", "/api/chat", "");
  public static final Setting<ClientLimits.Rule> LIMIT_SUGGEST =
      limit("SUGGEST", "120/min", "GET", "/api/suggest", "");
  public static final Setting<ClientLimits.Rule> LIMIT_FEEDBACK =
      limit("FEEDBACK", "30/min", "POST", "/api/feedback", "");
  public static final Setting<ClientLimits.Rule> LIMIT_ENTRIES =
      limit("ENTRIES", "120/min", "GET", "/api/entries/{id}", " (a pick is recorded from it)");
  public static final Setting<ClientLimits.Rule> LIMIT_SUPPORT_EMAIL =
      limit("SUPPORT_EMAIL", "30/10min", "POST", "/api/support-email", " (preview and download)");
  public static final Setting<ClientLimits.Rule> LIMIT_SUPPORT_SEND =
      limit("SUPPORT_SEND", "5/10min", "POST", "/api/support-email/send", "");
  public static final Setting<String> SMTP_HOST =
      new Setting<>(
          "FAQBOT_SMTP_HOST",
          null,
          null,
          "the SMTP server that sends support e-mails; unset only prepares them for download",
          Parsers.text());
  public static final Setting<Integer> SMTP_PORT =
      new Setting<>(
          "FAQBOT_SMTP_PORT", null, "587", "its port (1 to 65535)", Parsers.integer(1, 65535));
  public static final Setting<String> SMTP_USER =
      new Setting<>(
          "FAQBOT_SMTP_USER",
          null,
          null,
          "its user; unset sends without logging in",
          Parsers.verbatim());
  public static final Setting<String> SMTP_PASSWORD =
      new Setting<>("FAQBOT_SMTP_PASSWORD", null, null, "its password", Parsers.verbatim());
  public static final Setting<Boolean> SMTP_STARTTLS =
      new Setting<>(
          "FAQBOT_SMTP_STARTTLS",
          null,
          "on",
          "on or off: whether to use STARTTLS when the server offers it",
          Parsers.onOff());
  public static final Setting<String> SMTP_FROM =
      new Setting<>(
          "FAQBOT_SMTP_FROM",
          null,
          "faqbot@localhost",
          "the sender address",
          Parsers.address(false));

  public static final Setting<String> HELPDESK =
      new Setting<>(
          "FAQBOT_HELPDESK",
          null,
          "off",
          "off, webhook, zendesk or freshdesk: where support cases are delivered (SMTP when off"
              + " and FAQBOT_SMTP_HOST is set; see docs/handoff.md)",
          Parsers.choice("off", "webhook", "zendesk", "freshdesk"));
  public static final Setting<String> HELPDESK_URL =
      new Setting<>(
          "FAQBOT_HELPDESK_URL",
          null,
          null,
          "the webhook's https address, or the helpdesk's own (https://shop.zendesk.com,"
              + " https://shop.freshdesk.com)",
          Parsers.text());
  public static final Setting<String> HELPDESK_USER =
      new Setting<>(
          "FAQBOT_HELPDESK_USER",
          null,
          null,
          "Zendesk: the agent's e-mail address for the API",
          Parsers.text());
  public static final Setting<String> HELPDESK_SECRET =
      new Setting<>(
          "FAQBOT_HELPDESK_SECRET",
          null,
          null,
          "the webhook's signing key, the Zendesk API token or the Freshdesk API key (from the"
              + " environment; never logged)",
          Parsers.verbatim());
  public static final Setting<Long> CASE_STORAGE_MB =
      new Setting<>(
          "FAQBOT_CASE_STORAGE_MB",
          null,
          "500",
          "most megabytes of support cases' screenshots kept under FAQBOT_DATA/cases (1 to"
              + " 100000); the oldest cases' go first",
          Parsers.megabytes(1, 100_000));

  /** Every setting, in the order they are listed. */
  public static final List<Setting<?>> ALL =
      List.of(
          HOST,
          PORT,
          CONTENT,
          INDEX,
          DATA,
          SUPPORT_EMAIL,
          STAFF_USER,
          STAFF_PASSWORD,
          OIDC_ISSUER,
          OIDC_CLIENT_ID,
          OIDC_CLIENT_SECRET,
          OIDC_REDIRECT_URI,
          OIDC_NAME,
          OIDC_USER_CLAIM,
          OIDC_ONLY,
          CORS_ORIGINS,
          TRUSTED_PROXIES,
          IPV6_PREFIX,
          STATE_SECRET,
          THREADS,
          MAX_SCREENSHOTS,
          MAX_SCREENSHOT_MB,
          SUPPORT_AT_ONCE,
          RECORDING,
          RETENTION_DAYS,
          STORE_MAX_MB,
          DISK_RESERVE_MB,
          DATABASE_URL,
          DATABASE_USER,
          DATABASE_PASSWORD,
          SHUTDOWN_SECONDS,
          METRICS_TOKEN,
          LOG_FORMAT,
          LIMIT_CHAT,
          LIMIT_SUGGEST,
          LIMIT_FEEDBACK,
          LIMIT_ENTRIES,
          LIMIT_SUPPORT_EMAIL,
          LIMIT_SUPPORT_SEND,
          SMTP_HOST,
          SMTP_PORT,
          SMTP_USER,
          SMTP_PASSWORD,
          SMTP_STARTTLS,
          SMTP_FROM,
          HELPDESK,
          HELPDESK_URL,
          HELPDESK_USER,
          HELPDESK_SECRET,
          CASE_STORAGE_MB);

  /** The per-client limits, a subset of {@link #ALL}. */
  public static final List<Setting<ClientLimits.Rule>> LIMITS =
      List.of(
          LIMIT_CHAT,
          LIMIT_SUGGEST,
          LIMIT_FEEDBACK,
          LIMIT_ENTRIES,
          LIMIT_SUPPORT_EMAIL,
          LIMIT_SUPPORT_SEND);

  private static final Map<String, Setting<?>> BY_VARIABLE =
      Map.copyOf(
          ALL.stream().collect(java.util.stream.Collectors.toMap(Setting::variable, s -> s)));

  /** The setting with this variable, or null. */
  public static Setting<?> byVariable(String variable) {
    return BY_VARIABLE.get(variable);
  }

  /**
   * The limit on one route. The defaults are limits no real merchant reaches: a chat turn every
   * second with bursts of a minute's worth, and a handful of support e-mails.
   */
  private static Setting<ClientLimits.Rule> limit(
      String name, String spec, String method, String path, String note) {
    String variable = LIMIT_PREFIX + name;
    return new Setting<>(
        variable,
        null,
        spec,
        "requests per client to "
            + method
            + " "
            + path
            + note
            + ", as count/period (60/min, 5/10min, 1000/h; the period in s, min or h) or off;"
            + " over it a client gets 429 with Retry-After",
        Parsers.limit(variable, method, path));
  }
}
