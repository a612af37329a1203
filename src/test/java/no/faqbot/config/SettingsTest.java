package no.faqbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings.Http withThreads(int threads) {
    return new Settings.Http("127.0.0.1", 0, threads, null, null);
  }

  @Test
  void too_few_threads_are_refused_with_the_variable_and_the_range() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withThreads(2));
    assertTrue(
        e.getMessage().contains("FAQBOT_THREADS must be between 8 and 1000, got 2"),
        e.getMessage());
  }

  @Test
  void the_default_pool_is_the_catalogues() {
    assertEquals(8, ServerCatalogue.THREADS.fallback());
    assertEquals(8, withThreads(8).threads());
  }

  @Test
  void the_staff_user_is_the_default_when_blank_and_used_stripped() {
    assertEquals("staff", new Settings.Staff(null, null).user());
    assertEquals("staff", new Settings.Staff("  ", null).user());
    assertEquals("anna", new Settings.Staff(" anna ", null).user());
  }

  @Test
  void unset_limits_are_each_routes_default() {
    Settings settings =
        new Settings(withThreads(8), null, null, null, null, null, null, null, null);
    assertEquals(
        List.of("60 per 1m", "120 per 1m", "30 per 1m", "120 per 1m", "30 per 10m", "5 per 10m"),
        settings.limits().stream().map(r -> r.limit().toString()).toList());
    assertEquals("/api/support-email/send", settings.limits().get(5).path());
  }

  @Test
  void a_default_is_read_as_a_value_given_would_be() {
    for (Setting<?> s : Catalogue.ALL) {
      s.fallback(); // every default is a value its parser takes
    }
    SettingsException e =
        assertThrows(SettingsException.class, () -> ServerCatalogue.PORT.valueOf("seventy"));
    assertEquals(
        "FAQBOT_PORT must be a whole number from 0 to 65535, got 'seventy'", e.getMessage());
  }
}
