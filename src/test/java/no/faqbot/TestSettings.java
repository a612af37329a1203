package no.faqbot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.config.Catalogue;
import no.faqbot.config.ServerCatalogue;
import no.faqbot.config.Setting;
import no.faqbot.config.Settings;
import no.faqbot.config.SupportCatalogue;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;
import no.faqbot.web.ClientLimits;
import no.faqbot.web.WebServer;

/**
 * Builds {@link Settings} for a test: the one place that spells out its components, so a test names
 * only what it changes; what it does not name is {@link Catalogue}'s default. Everything lives in
 * the test's own folder: a copy of the fixture content {@value #FIXTURE} (never the editors' {@code
 * content/}), the index and the embedded store.
 */
public final class TestSettings {
  /** The fixture content a server test gets unless it names another. */
  public static final String FIXTURE = "served";

  /** The staff login of {@link #staff()}. */
  public static final String STAFF_USER = "anna";

  public static final String STAFF_PASSWORD = "riktig hest";

  private final Path dir;
  private Path content;
  private String fixture = FIXTURE;
  private String supportEmail = SupportCatalogue.SUPPORT_EMAIL.fallback();
  private String stateSecret;
  private SupportLimits supportLimits = SupportLimits.DEFAULT;
  private SmtpSettings smtp;
  private String corsOrigins;
  private String staffUser;
  private String staffPassword;
  private int threads = ServerCatalogue.THREADS.fallback();
  private String trustedProxies;
  private final Map<String, String> limits = new HashMap<>();
  private StoreSettings store = StoreSettings.EMBEDDED;
  private RecordingSettings recording = RecordingSettings.DEFAULT;
  private Duration shutdown = OperationsSettings.DEFAULT.shutdown();
  private String metricsToken;
  private boolean jsonLogs;
  private Duration bodyDeadline = WebServer.BODY_DEADLINE;
  private int ipv6Prefix = ServerCatalogue.IPV6_PREFIX.fallback();

  private TestSettings(Path dir) {
    this.dir = dir;
  }

  /** Settings whose content copy, index and data go under {@code dir}. */
  public static TestSettings in(Path dir) {
    return new TestSettings(dir);
  }

  /** Serves a copy of the fixture {@code name} under {@code src/test/resources/fixtures}. */
  public TestSettings fixture(String name) {
    this.fixture = name;
    this.content = null;
    return this;
  }

  /** Serves {@code folder} as it is (the test made or changes it). */
  public TestSettings content(Path folder) {
    this.content = folder;
    return this;
  }

  /** The bootstrap staff login {@value #STAFF_USER} / {@value #STAFF_PASSWORD}. */
  public TestSettings staff() {
    return staff(STAFF_USER, STAFF_PASSWORD);
  }

  public TestSettings staff(String user, String password) {
    this.staffUser = user;
    this.staffPassword = password;
    return this;
  }

  public TestSettings supportEmail(String address) {
    this.supportEmail = address;
    return this;
  }

  public TestSettings stateSecret(String secret) {
    this.stateSecret = secret;
    return this;
  }

  public TestSettings supportLimits(SupportLimits limits) {
    this.supportLimits = limits;
    return this;
  }

  public TestSettings smtp(SmtpSettings smtp) {
    this.smtp = smtp;
    return this;
  }

  public TestSettings cors(String origins) {
    this.corsOrigins = origins;
    return this;
  }

  public TestSettings threads(int threads) {
    this.threads = threads;
    return this;
  }

  public TestSettings trustedProxies(String proxies) {
    this.trustedProxies = proxies;
    return this;
  }

  /** A per-client limit by its variable ({@code FAQBOT_LIMIT_CHAT}) and spec ({@code 1/min}). */
  public TestSettings limit(String variable, String spec) {
    limits.put(variable, spec);
    return this;
  }

  /** Limits by variable (see {@link #limit}); null (like the empty map) sets none. */
  public TestSettings limits(Map<String, String> byVariable) {
    if (byVariable != null) {
      limits.putAll(byVariable);
    }
    return this;
  }

  public TestSettings store(StoreSettings store) {
    this.store = store;
    return this;
  }

  public TestSettings recording(RecordingSettings recording) {
    this.recording = recording;
    return this;
  }

  /** How long a stop waits for requests in flight (10 s in production). */
  public TestSettings shutdown(Duration grace) {
    this.shutdown = grace;
    return this;
  }

  public TestSettings metricsToken(String token) {
    this.metricsToken = token;
    return this;
  }

  public TestSettings jsonLogs() {
    this.jsonLogs = true;
    return this;
  }

  /** When a JSON or form body that has not arrived gets its 408 (10 s in production). */
  public TestSettings bodyDeadline(Duration deadline) {
    this.bodyDeadline = deadline;
    return this;
  }

  public TestSettings ipv6Prefix(int bits) {
    this.ipv6Prefix = bits;
    return this;
  }

  /** The folder the content copy, index and data go under. */
  public Path dir() {
    return dir;
  }

  /** The settings; copies the fixture content into {@link #dir()} unless a folder was given. */
  public Settings build() {
    Path served = content != null ? content : Fixtures.content(fixture, dir);
    return new Settings(
        new Settings.Http(
            "127.0.0.1",
            0,
            threads,
            ServerCatalogue.CORS_ORIGINS.valueOf(corsOrigins),
            ServerCatalogue.TRUSTED_PROXIES.valueOf(trustedProxies).ipv6Prefix(ipv6Prefix)),
        new Settings.Folders(served, dir.resolve("index"), dir.resolve("data")),
        new Settings.Staff(staffUser, staffPassword),
        new Settings.Support(supportEmail, supportLimits, smtp),
        store,
        recording,
        new OperationsSettings(shutdown, metricsToken, jsonLogs, bodyDeadline),
        limits(),
        stateSecret);
  }

  /** Every limit: as set here (parsed as the server parses it), else its default. */
  private List<ClientLimits.Rule> limits() {
    for (String variable : limits.keySet()) {
      if (Catalogue.limit(variable) == null) {
        throw new IllegalArgumentException(variable + " is not a known limit");
      }
    }
    return Catalogue.LIMITS.stream().map(this::limit).toList();
  }

  private ClientLimits.Rule limit(Setting<ClientLimits.Rule> setting) {
    return setting.valueOf(limits.get(setting.variable()));
  }
}
