package no.faqbot.config;

import java.nio.file.Path;
import java.util.Map;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.RateLimit;

/**
 * Everything the server is configured with, from flags or {@code FAQBOT_*} environment variables
 * ({@link #from}; {@link Catalogue} lists them).
 *
 * @param supportEmail where prepared support e-mails go
 * @param stateSecret signs conversation state ({@code FAQBOT_STATE_SECRET}); replicas that share it
 *     can continue each other's conversations; null picks a random one per start
 * @param supportLimits how many screenshots of what size a support e-mail takes
 * @param smtp where the server sends support e-mails itself; null when it only prepares them
 * @param corsOrigins shop origins allowed to embed the widget from another site, comma-separated
 *     ({@code FAQBOT_CORS_ORIGINS}); null or empty allows none but this server's own
 * @param data where faqbot keeps what it collects, such as answer feedback ({@code FAQBOT_DATA})
 * @param staffUser the staff login ({@code FAQBOT_STAFF_USER}, default {@code staff})
 * @param staffPassword its password ({@code FAQBOT_STAFF_PASSWORD}); null generates one at start
 *     and prints it once
 * @param threads most requests served at once ({@code FAQBOT_THREADS}); more wait their turn
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} is believed ({@code
 *     FAQBOT_TRUSTED_PROXIES}: addresses or CIDR ranges, comma-separated); null trusts none
 * @param limits per-client limits set in the environment, by variable ({@code FAQBOT_LIMIT_CHAT})
 *     to a {@link RateLimit} spec ({@code 60/min}, {@code off}); routes not named keep their
 *     defaults
 * @param store the event store: embedded under {@code data}, or PostgreSQL ({@code
 *     FAQBOT_DATABASE_URL})
 * @param recording whether chat events are recorded ({@code FAQBOT_RECORDING}) and kept how long
 *     ({@code FAQBOT_RETENTION_DAYS})
 * @param operations shutdown grace, metrics token, request log format
 * @param ipv6Prefix IPv6 clients are told apart by their network of this many bits ({@code
 *     FAQBOT_IPV6_PREFIX}, 64 by default); IPv4 clients by their address
 */
public record Settings(
    String host,
    int port,
    Path content,
    Path index,
    String supportEmail,
    String stateSecret,
    SupportLimits supportLimits,
    SmtpSettings smtp,
    String corsOrigins,
    Path data,
    String staffUser,
    String staffPassword,
    int threads,
    String trustedProxies,
    Map<String, String> limits,
    StoreSettings store,
    RecordingSettings recording,
    OperationsSettings operations,
    int ipv6Prefix) {
  public static final String DEFAULT_SUPPORT_EMAIL = "product-upgrade-support@klarna.com";

  /**
   * Answering is CPU work of a tenth of a millisecond: a few threads per core keep both cores busy,
   * and with few runnable threads the JIT compiler gets its share of the CPU under load (with 32, a
   * fresh server still ran at a quarter of full speed after a minute). Requests that wait on a
   * merchant's upload or an SMTP server run on their own threads, not these.
   */
  public static final int DEFAULT_THREADS = 8;

  /** Environment variables that set a per-client limit start with this. */
  public static final String LIMIT_PREFIX = "FAQBOT_LIMIT_";

  /** Jetty needs a few threads of its own (acceptor, selector) besides those serving requests. */
  public static final int MIN_THREADS = 8;

  /**
   * The defaults for everything else. The record's own constructor also takes null for limits,
   * store, recording and operations: none set, the embedded store, recording on, default
   * operations.
   */
  public Settings(String host, int port, Path content, Path index, String supportEmail) {
    this(
        host,
        port,
        content,
        index,
        supportEmail,
        null,
        SupportLimits.DEFAULT,
        null,
        null,
        index.resolveSibling("data"),
        null,
        null,
        DEFAULT_THREADS,
        null,
        null,
        null,
        null,
        null);
  }

  /** With IPv6 clients keyed by {@link ClientAddress#DEFAULT_IPV6_PREFIX}. */
  public Settings(
      String host,
      int port,
      Path content,
      Path index,
      String supportEmail,
      String stateSecret,
      SupportLimits supportLimits,
      SmtpSettings smtp,
      String corsOrigins,
      Path data,
      String staffUser,
      String staffPassword,
      int threads,
      String trustedProxies,
      Map<String, String> limits,
      StoreSettings store,
      RecordingSettings recording,
      OperationsSettings operations) {
    this(
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
        ClientAddress.DEFAULT_IPV6_PREFIX);
  }

  public Settings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
    if (threads < MIN_THREADS || threads > 1000) {
      throw new IllegalArgumentException(
          "FAQBOT_THREADS must be between " + MIN_THREADS + " and 1000, got " + threads);
    }
    ClientAddress.trusting(trustedProxies, ipv6Prefix); // fails naming the variable when bad
    limits = limits == null ? Map.of() : Map.copyOf(limits);
    limits.forEach(RateLimit::parse); // likewise
    store = store == null ? StoreSettings.EMBEDDED : store;
    recording = recording == null ? RecordingSettings.DEFAULT : recording;
    operations = operations == null ? OperationsSettings.DEFAULT : operations;
  }

  /**
   * Reads every setting of {@link Catalogue}: flags win over environment variables, which win over
   * defaults.
   *
   * @param flags flag values by long name without dashes ({@code port}); null for none
   * @throws SettingsException naming every variable whose value cannot be used
   */
  public static Settings from(Map<String, String> env, Map<String, String> flags) {
    return new SettingsReader(env, flags).settings();
  }

  /** These settings with {@code limits} (see {@link #limits}) instead. */
  public Settings withLimits(Map<String, String> limits) {
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

  /** Who requests come from, given {@link #trustedProxies} and {@link #ipv6Prefix}. */
  public ClientAddress clientAddress() {
    return ClientAddress.trusting(trustedProxies, ipv6Prefix);
  }
}
