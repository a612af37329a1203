package no.faqbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import no.faqbot.config.SettingsException;
import no.faqbot.config.SettingsReader;
import org.junit.jupiter.api.Test;

/** {@code FAQBOT_HELPDESK*} read from the environment: checked, and the secret never repeated. */
class HelpdeskSettingsTest {
  private static HelpdeskSettings read(Map<String, String> env) {
    return new SettingsReader(env, null).helpdesk();
  }

  @Test
  void off_by_default_with_the_storage_cap() {
    HelpdeskSettings h = read(Map.of());
    assertFalse(h.on());
    assertEquals(500L * 1024 * 1024, h.storageBytes());
  }

  @Test
  void a_webhook_needs_an_address_and_a_secret_and_prints_neither_secret() {
    HelpdeskSettings h =
        read(
            Map.of(
                "FAQBOT_HELPDESK", "webhook",
                "FAQBOT_HELPDESK_URL", "https://hooks.example.com/faqbot",
                "FAQBOT_HELPDESK_SECRET", "s3cret-value"));
    assertTrue(h.on());
    assertFalse(h.toString().contains("s3cret-value"), h.toString());
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () ->
                read(
                    Map.of(
                        "FAQBOT_HELPDESK", "zendesk",
                        "FAQBOT_HELPDESK_URL", "ftp://nope",
                        "FAQBOT_HELPDESK_SECRET", " ")));
    assertTrue(e.getMessage().contains("FAQBOT_HELPDESK_URL"), e.getMessage());
    assertTrue(e.getMessage().contains("FAQBOT_HELPDESK_SECRET must be set"), e.getMessage());
    assertTrue(e.getMessage().contains("FAQBOT_HELPDESK_USER"), e.getMessage());
  }

  @Test
  void an_unknown_helpdesk_is_named() {
    SettingsException e =
        assertThrows(SettingsException.class, () -> read(Map.of("FAQBOT_HELPDESK", "jira")));
    assertTrue(e.getMessage().contains("FAQBOT_HELPDESK"), e.getMessage());
  }
}
