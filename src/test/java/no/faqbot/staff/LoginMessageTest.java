package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import no.faqbot.web.ThymeleafRenderer;
import org.junit.jupiter.api.Test;

/**
 * Every message of the login page has its words in the template's messages, arguments filled in.
 */
class LoginMessageTest {
  private final ThymeleafRenderer renderer = new ThymeleafRenderer();

  private String page(LoginError error, boolean oidcAvailable) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", error);
    model.put("csrf", "token");
    model.put("passwordLogin", true);
    model.put("oidcName", "Keycloak");
    model.put("oidcAvailable", oidcAvailable);
    return renderer.render("staff-login", model, null);
  }

  @Test
  void every_message_is_found_and_filled_in() {
    for (LoginMessage message : LoginMessage.values()) {
      String page = page(message.with("Keycloak", "eva@butikk.no"), true);
      assertFalse(page.contains("??"), message + ": " + page);
      assertFalse(page.contains("{0}") || page.contains("{1}"), message + ": " + page);
    }
  }

  @Test
  void the_lockout_says_how_long_in_both_languages() {
    String page = page(LoginMessage.LOCKED_MINUTES.with("15"), true);
    assertTrue(
        page.contains(
            "For mange mislykkede forsøk. Prøv igjen om 15 minutter. (Too many failed attempts:"
                + " try again in 15 minutes.)"),
        page);
  }

  @Test
  void an_unavailable_provider_is_said_so_beside_the_form() {
    String page = page(null, false);
    assertTrue(page.contains("Innlogging med Keycloak er ikke tilgjengelig akkurat nå."), page);
    assertFalse(page.contains("class=\"error\""), page);
  }
}
