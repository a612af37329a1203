package no.faqbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import no.faqbot.support.SupportLimits;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings withThreads(int threads) {
    return new Settings(
        "127.0.0.1",
        0,
        Path.of("content"),
        Path.of("index"),
        Settings.DEFAULT_SUPPORT_EMAIL,
        null,
        SupportLimits.DEFAULT,
        null,
        null,
        Path.of("data"),
        null,
        null,
        threads,
        null,
        java.util.Map.of(),
        null,
        null,
        null);
  }

  @Test
  void too_few_threads_are_refused_with_the_variable_and_the_range() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withThreads(2));
    assertTrue(
        e.getMessage().contains("FAQBOT_THREADS must be between 8 and 1000, got 2"),
        e.getMessage());
  }

  @Test
  void the_short_constructor_uses_the_default_pool() {
    assertEquals(
        Settings.DEFAULT_THREADS,
        new Settings("127.0.0.1", 0, Path.of("c"), Path.of("i"), "x@example.com").threads());
    assertEquals(8, withThreads(8).threads());
  }
}
