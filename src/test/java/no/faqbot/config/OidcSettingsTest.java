package no.faqbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.CliRun;
import no.faqbot.staff.OidcSettings;
import org.junit.jupiter.api.Test;

/** {@code FAQBOT_OIDC_*}: off by default, and a half-made setup stops the start saying what. */
class OidcSettingsTest {
  private static final String SECRET = "hemmelig-klientnokkel-42";

  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put("FAQBOT_OIDC_ISSUER", "https://sso.butikk.no/realms/staff");
    env.put("FAQBOT_OIDC_CLIENT_ID", "faqbot");
    env.put("FAQBOT_OIDC_CLIENT_SECRET", SECRET);
    env.put("FAQBOT_OIDC_REDIRECT_URI", "https://faqbot.butikk.no/staff/login/oidc/callback");
    return env;
  }

  private static OidcSettings read(Map<String, String> env) {
    return new SettingsReader(env, null).oidc();
  }

  private static String problems(Map<String, String> env) {
    return assertThrows(SettingsException.class, () -> read(env)).getMessage();
  }

  @Test
  void unset_is_off() {
    OidcSettings off = read(Map.of());
    assertFalse(off.on());
    assertEquals("email", off.userClaim());
    assertFalse(off.only());
  }

  @Test
  void a_complete_setup_is_read_with_its_defaults() {
    OidcSettings s = read(complete());
    assertTrue(s.on());
    assertEquals(URI.create("https://sso.butikk.no/realms/staff"), s.issuer());
    assertEquals("faqbot", s.clientId());
    assertEquals(SECRET, s.clientSecret());
    assertEquals("sso.butikk.no", s.name(), "the issuer's host when no name is given");
    assertEquals("email", s.userClaim());
    assertFalse(s.only());
    assertFalse(s.toString().contains(SECRET), s.toString());
  }

  @Test
  void name_claim_and_only_are_taken() {
    Map<String, String> env = complete();
    env.put("FAQBOT_OIDC_NAME", "Entra ID");
    env.put("FAQBOT_OIDC_USER_CLAIM", "preferred_username");
    env.put("FAQBOT_OIDC_ONLY", "true");
    OidcSettings s = read(env);
    assertEquals("Entra ID", s.name());
    assertEquals("preferred_username", s.userClaim());
    assertTrue(s.only());
  }

  @Test
  void an_issuer_without_client_id_or_redirect_uri_names_both() {
    Map<String, String> env = complete();
    env.remove("FAQBOT_OIDC_CLIENT_ID");
    env.remove("FAQBOT_OIDC_REDIRECT_URI");
    String message = problems(env);
    assertTrue(message.contains("FAQBOT_OIDC_CLIENT_ID must be set"), message);
    assertTrue(message.contains("FAQBOT_OIDC_REDIRECT_URI must be set"), message);
    assertFalse(message.contains(SECRET), message);
  }

  @Test
  void the_redirect_uri_must_end_where_faqbot_takes_the_return() {
    Map<String, String> env = complete();
    env.put("FAQBOT_OIDC_REDIRECT_URI", "https://faqbot.butikk.no/callback");
    String message = problems(env);
    assertTrue(message.contains("FAQBOT_OIDC_REDIRECT_URI must be"), message);
    assertTrue(message.contains("/staff/login/oidc/callback"), message);
  }

  @Test
  void plain_http_is_only_for_this_machine() {
    Map<String, String> env = complete();
    env.put("FAQBOT_OIDC_ISSUER", "http://sso.butikk.no/realms/staff");
    assertTrue(problems(env).contains("FAQBOT_OIDC_ISSUER must be an https address"));
    env.put("FAQBOT_OIDC_ISSUER", "http://localhost:8080/realms/staff");
    assertTrue(read(env).on());
  }

  @Test
  void client_settings_without_an_issuer_are_a_mistake() {
    Map<String, String> env = complete();
    env.remove("FAQBOT_OIDC_ISSUER");
    String message = problems(env);
    assertTrue(
        message.contains("FAQBOT_OIDC_CLIENT_ID is set but FAQBOT_OIDC_ISSUER is not"), message);
    assertTrue(message.contains("FAQBOT_OIDC_CLIENT_SECRET is set"), message);
    assertFalse(message.contains(SECRET), message);
  }

  @Test
  void only_without_a_provider_would_lock_everyone_out() {
    String message = problems(Map.of("FAQBOT_OIDC_ONLY", "on"));
    assertTrue(message.contains("FAQBOT_OIDC_ONLY=on"), message);
    assertTrue(message.contains("FAQBOT_OIDC_ISSUER"), message);
  }

  @Test
  void the_settings_are_no_typos() {
    assertTrue(new SettingsReader(complete(), null).warnings().isEmpty());
  }

  @Test
  void serve_stops_with_exit_code_2_naming_what_is_missing() {
    Map<String, String> env = complete();
    env.remove("FAQBOT_OIDC_REDIRECT_URI");
    env.put("FAQBOT_CONTENT", "src/test/resources/fixtures/good");
    CliRun run = CliRun.of(env, "serve");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("FAQBOT_OIDC_REDIRECT_URI must be set"), run.err());
    assertFalse(run.err().contains(SECRET), run.err());
    assertFalse(run.out().contains(SECRET), run.out());
  }

  @Test
  void serve_help_lists_the_settings() {
    CliRun run = CliRun.of(Map.of(), "serve", "--help");
    assertEquals(0, run.code());
    for (String variable :
        List.of("FAQBOT_OIDC_ISSUER", "FAQBOT_OIDC_REDIRECT_URI", "FAQBOT_OIDC_ONLY")) {
      assertTrue(run.out().contains(variable), variable + " in " + run.out());
    }
  }
}
