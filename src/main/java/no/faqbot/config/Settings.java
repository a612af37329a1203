package no.faqbot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ClientLimits;

/**
 * Everything the server is configured with, from flags or {@code FAQBOT_*} environment variables
 * ({@link #from}; {@link Catalogue} lists them), grouped and already parsed: nothing is read from
 * text again while serving.
 *
 * @param http where and how requests are taken
 * @param folders content, index and collected data
 * @param staff the bootstrap staff login
 * @param support where support e-mails go and what they take
 * @param store the event store: embedded under {@link Folders#data}, or PostgreSQL ({@code
 *     FAQBOT_DATABASE_URL}); null for the embedded one
 * @param recording whether chat events are recorded ({@code FAQBOT_RECORDING}) and kept how long
 *     ({@code FAQBOT_RETENTION_DAYS}); null for the defaults
 * @param operations shutdown grace, metrics token, request log format; null for the defaults
 * @param limits the per-client limit of every limited route ({@code FAQBOT_LIMIT_*}), in {@link
 *     Catalogue#LIMITS}' order; null for the defaults
 * @param stateSecret signs conversation state ({@code FAQBOT_STATE_SECRET}); replicas that share it
 *     can continue each other's conversations; null uses the one kept in the store
 */
public record Settings(
    Http http,
    Folders folders,
    Staff staff,
    Support support,
    StoreSettings store,
    RecordingSettings recording,
    OperationsSettings operations,
    List<ClientLimits.Rule> limits,
    String stateSecret) {

  /** Jetty needs a few threads of its own (acceptor, selector) besides those serving requests. */
  public static final int MIN_THREADS = 8;

  public Settings {
    store = store == null ? StoreSettings.EMBEDDED : store;
    recording = recording == null ? RecordingSettings.DEFAULT : recording;
    operations = operations == null ? OperationsSettings.DEFAULT : operations;
    limits =
        limits == null
            ? Catalogue.LIMITS.stream().map(Setting::fallback).toList()
            : List.copyOf(limits);
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

  /**
   * How requests are taken.
   *
   * @param threads most requests served at once ({@code FAQBOT_THREADS}); more wait their turn
   * @param corsOrigins shop origins allowed to embed the widget from another site ({@code
   *     FAQBOT_CORS_ORIGINS}); empty allows none but this server's own
   * @param clients who a request comes from: the reverse proxies whose {@code X-Forwarded-For} is
   *     believed ({@code FAQBOT_TRUSTED_PROXIES}) and the IPv6 prefix a client is keyed by ({@code
   *     FAQBOT_IPV6_PREFIX}); null trusts none
   */
  public record Http(
      String host, int port, int threads, List<String> corsOrigins, ClientAddress clients) {
    public Http {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
      }
      if (threads < MIN_THREADS || threads > 1000) {
        throw new IllegalArgumentException(
            "FAQBOT_THREADS must be between " + MIN_THREADS + " and 1000, got " + threads);
      }
      corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
      clients = clients == null ? ClientAddress.direct() : clients;
    }
  }

  /**
   * Where faqbot reads and keeps its files.
   *
   * @param content the FAQ entries, synonyms, replies and flows ({@code FAQBOT_CONTENT})
   * @param index the generated index ({@code FAQBOT_INDEX})
   * @param data what faqbot collects: the embedded event store, support cases ({@code FAQBOT_DATA})
   */
  public record Folders(Path content, Path index, Path data) {}

  /**
   * The staff pages' bootstrap login, an admin beside the named accounts in the store.
   *
   * @param user its name ({@code FAQBOT_STAFF_USER}); null or blank is the default, and it is used
   *     stripped
   * @param password its password ({@code FAQBOT_STAFF_PASSWORD}), as given; null or blank generates
   *     one at start, printed once
   * @param staleDays entries not updated for this many days are listed for editors to review; not
   *     an environment variable
   */
  public record Staff(String user, String password, int staleDays) {
    public static final int DEFAULT_STALE_DAYS = 365;

    public Staff {
      user = StaffCatalogue.STAFF_USER.valueOf(user);
    }

    /** With the default {@link #DEFAULT_STALE_DAYS}. */
    public Staff(String user, String password) {
      this(user, password, DEFAULT_STALE_DAYS);
    }
  }

  /**
   * Support e-mails.
   *
   * @param email where prepared support e-mails go ({@code FAQBOT_SUPPORT_EMAIL})
   * @param limits how many screenshots of what size one takes, how many one client sends at once
   * @param smtp where the server sends them itself; null when it only prepares them
   */
  public record Support(String email, SupportLimits limits, SmtpSettings smtp) {}
}
