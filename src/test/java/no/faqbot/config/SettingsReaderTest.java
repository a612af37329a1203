package no.faqbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.faqbot.insights.RecordingSettings;
import no.faqbot.ops.OperationsSettings;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SupportLimits;
import no.faqbot.web.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsReaderTest {
  @Test
  void nothing_set_gives_the_defaults_the_server_always_had() {
    Settings s = Settings.from(Map.of(), null);
    assertEquals("127.0.0.1", s.http().host());
    assertEquals(7070, s.http().port());
    assertEquals(
        new Settings.Folders(Path.of("content"), Path.of("index"), Path.of("data")), s.folders());
    assertEquals("product-upgrade-support@klarna.com", s.support().email());
    assertEquals(SupportLimits.DEFAULT, s.support().limits());
    assertEquals(8, s.http().threads());
    assertEquals(StoreSettings.EMBEDDED, s.store());
    assertEquals(RecordingSettings.DEFAULT, s.recording());
    assertEquals(OperationsSettings.DEFAULT, s.operations());
    assertEquals(Catalogue.LIMITS.stream().map(Setting::fallback).toList(), s.limits());
    assertNull(s.support().smtp());
    assertNull(s.stateSecret());
    assertEquals(new Settings.Staff("staff", null), s.staff());
    assertEquals(List.of(), s.http().corsOrigins());
    assertEquals(
        "127.0.0.1", s.http().clients().of("127.0.0.1", "10.0.0.1"), "no proxy is believed");
  }

  @Test
  void every_setting_is_read_and_flags_win_over_the_environment() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("FAQBOT_HOST", "0.0.0.0"),
            Map.entry("FAQBOT_PORT", "8080"),
            Map.entry("FAQBOT_CONTENT", "/srv/content"),
            Map.entry("FAQBOT_DATA", "/srv/data"),
            Map.entry("FAQBOT_SUPPORT_EMAIL", "help@example.com"),
            Map.entry("FAQBOT_STAFF_PASSWORD", " spaces kept "),
            Map.entry("FAQBOT_MAX_SCREENSHOTS", "3"),
            Map.entry("FAQBOT_MAX_SCREENSHOT_MB", "2"),
            Map.entry("FAQBOT_RECORDING", "off"),
            Map.entry("FAQBOT_RETENTION_DAYS", "30"),
            Map.entry("FAQBOT_SHUTDOWN_SECONDS", "0"),
            Map.entry("FAQBOT_LOG_FORMAT", "JSON"),
            Map.entry("FAQBOT_METRICS_TOKEN", "t0ken"),
            Map.entry("FAQBOT_LIMIT_CHAT", "off"),
            Map.entry("FAQBOT_SMTP_HOST", "smtp.example.com"),
            Map.entry("FAQBOT_SMTP_PORT", "25"),
            Map.entry("FAQBOT_SMTP_STARTTLS", "off"),
            Map.entry("FAQBOT_SMTP_FROM", "Faqbot <faqbot@example.com>"),
            Map.entry("FAQBOT_DATABASE_URL", "jdbc:postgresql://db:5432/faqbot"),
            Map.entry("FAQBOT_CORS_ORIGINS", "https://shop.example, http://localhost:3000/"),
            Map.entry("FAQBOT_TRUSTED_PROXIES", "10.0.0.0/8, ::1"));
    Settings s = Settings.from(env, Map.of("port", "9090", "index", "/tmp/idx"));
    assertEquals("0.0.0.0", s.http().host());
    assertEquals(9090, s.http().port());
    assertEquals(
        new Settings.Folders(Path.of("/srv/content"), Path.of("/tmp/idx"), Path.of("/srv/data")),
        s.folders());
    assertEquals("help@example.com", s.support().email());
    assertEquals(" spaces kept ", s.staff().password());
    assertEquals(new SupportLimits(3, 2L * 1024 * 1024), s.support().limits());
    assertEquals(new RecordingSettings(false, 30), s.recording());
    assertEquals(new OperationsSettings(Duration.ZERO, "t0ken", true), s.operations());
    assertEquals(RateLimit.OFF, s.limits().get(0).limit());
    assertEquals("/api/chat", s.limits().get(0).path());
    assertEquals(Catalogue.LIMITS.get(1).fallback(), s.limits().get(1));
    assertEquals(25, s.support().smtp().port());
    assertEquals(false, s.support().smtp().startTls());
    assertEquals("Faqbot <faqbot@example.com>", s.support().smtp().from());
    assertEquals("jdbc:postgresql://db:5432/faqbot", s.store().url());
    assertEquals(List.of("https://shop.example", "http://localhost:3000/"), s.http().corsOrigins());
    // Parsed once at the start: 10.0.0.0/8 is a proxy, so the hop before it is the client.
    assertEquals("192.0.2.7", s.http().clients().of("10.1.2.3", "192.0.2.7, 10.9.9.9"));
    assertEquals("192.0.2.7", s.http().clients().of("192.0.2.7", "203.0.113.1"));
  }

  /** Each bad value, and what the message must say besides the variable and the value. */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "FAQBOT_PORT|seventy|a whole number from 0 to 65535",
        "FAQBOT_PORT|65536|a whole number from 0 to 65535",
        "FAQBOT_THREADS|2|a whole number from 8 to 1000",
        "FAQBOT_MAX_SCREENSHOTS|21|a whole number from 0 to 20",
        "FAQBOT_MAX_SCREENSHOT_MB|0|a whole number from 1 to 100",
        "FAQBOT_RETENTION_DAYS|0|a whole number from 1 to 3650",
        "FAQBOT_SHUTDOWN_SECONDS|-1|a whole number from 0 to 600",
        "FAQBOT_SHUTDOWN_SECONDS|10s|a whole number from 0 to 600",
        "FAQBOT_SMTP_PORT|smtp|a whole number from 1 to 65535",
        "FAQBOT_RECORDING|maybe|on or off",
        "FAQBOT_SMTP_STARTTLS|never|on or off",
        "FAQBOT_LOG_FORMAT|xml|text or json",
        "FAQBOT_SUPPORT_EMAIL|support|one e-mail address",
        "FAQBOT_SUPPORT_EMAIL|Help <help@example.com>|one e-mail address (name@example.com)",
        "FAQBOT_SMTP_FROM|a@b@c|one e-mail address",
        "FAQBOT_CORS_ORIGINS|https://shop.example/widget|no path",
        "FAQBOT_CORS_ORIGINS|shop.example|no path",
        "FAQBOT_DATABASE_URL|postgres://db/faqbot|a PostgreSQL JDBC URL",
        "FAQBOT_TRUSTED_PROXIES|10.0.0.0/33|bad prefix length",
        "FAQBOT_TRUSTED_PROXIES|proxy.local|not an IP address or CIDR range",
        "FAQBOT_LIMIT_CHAT|lots|is not a rate limit",
      })
  void a_bad_value_is_refused_naming_the_variable_the_value_and_what_is_allowed(
      String variable, String value, String allowed) {
    SettingsException e =
        assertThrows(SettingsException.class, () -> Settings.from(Map.of(variable, value), null));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith(variable)
            && e.getMessage().contains("'" + value + "'")
            && e.getMessage().contains(allowed),
        e.getMessage());
  }

  @Test
  void a_misspelt_limit_stops_the_start_naming_the_nearest_one() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> Settings.from(Map.of("FAQBOT_LIMIT_CHATS", "1/min"), null));
    assertTrue(
        e.getMessage()
            .startsWith(
                "FAQBOT_LIMIT_CHATS is not a known limit; did you mean FAQBOT_LIMIT_CHAT? (known:"),
        e.getMessage());
  }

  @Test
  void a_bad_flag_is_named_with_its_variable() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> Settings.from(Map.of("FAQBOT_PORT", "80"), Map.of("port", "seventy")));
    assertEquals(
        "--port (FAQBOT_PORT) must be a whole number from 0 to 65535, got 'seventy'",
        e.getMessage());
  }

  @Test
  void every_problem_of_one_start_is_reported_together() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () ->
                Settings.from(
                    Map.of("FAQBOT_THREADS", "2", "FAQBOT_LOG_FORMAT", "xml", "FAQBOT_PORT", "-1"),
                    null));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("3 settings are wrong:\n  "), e.getMessage());
  }

  @Test
  void a_misspelt_variable_is_a_warning_naming_the_nearest_setting() {
    SettingsReader reader =
        new SettingsReader(
            Map.of("FAQBOT_PROT", "8080", "FAQBOT_WHATEVER", "x", "FAQBOT_PORT", "80", "PATH", "/"),
            null);
    assertEquals(
        List.of(
            "FAQBOT_PROT is not a faqbot setting and is ignored; did you mean FAQBOT_PORT?",
            "FAQBOT_WHATEVER is not a faqbot setting and is ignored"),
        reader.warnings());
    assertEquals(80, reader.settings().http().port()); // a warning does not stop the start
  }

  @Test
  void the_catalogue_names_each_variable_and_flag_once() {
    assertEquals(
        Catalogue.ALL.size(),
        Catalogue.ALL.stream().map(Setting::variable).distinct().count(),
        "variables");
    assertEquals(
        Catalogue.ALL.stream().filter(s -> s.flag() != null).count(),
        Catalogue.ALL.stream().map(Setting::flag).filter(f -> f != null).distinct().count(),
        "flags");
  }
}
