package no.faqbot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms secrets take in what merchants paste, and the look-alikes that must stay. In a secret
 * case the value between ⟦ and ⟧ is what must go: the input is the line without the brackets, the
 * expected output has {@code [fjernet]} in their place and everything else unchanged.
 */
class RedactorTest {
  private final Redactor redactor = new Redactor();

  static final List<String> SECRETS =
      List.of(
          // Norwegian labels, with and without a separator
          "Passordet er ⟦Sommer2026!⟧",
          "passordet er ⟦hunter2⟧ og brukernavnet er anna",
          "passord: ⟦Sommer2026!⟧",
          "Passord:⟦hemmelig123⟧",
          "passord = ⟦abc123xyz⟧",
          "passord ⟦Sommer2026!⟧",
          "Passordet til Magento er ⟦Vinter2025#⟧",
          "Passordet mitt er ⟦Sommer2026⟧",
          "passordet vårt til admin-siden er ⟦Blåbær99⟧",
          "the password for the live API is ⟦n0tS0s3cret⟧",
          "hemmelighet: ⟦s3cr3t⟧",
          "Hemmeligheten er ⟦aB3dE5fG7h⟧",
          "delt hemmelighet: ⟦xK29fLq0pZ⟧",
          "nøkkel: ⟦abcd1234efgh⟧",
          "API-nøkkel: ⟦a8f5f167f44f4964e6c998dee827110c⟧",
          "API-nøkkelen er ⟦Zm9vYmFyYmF6⟧",
          "hemmelig nøkkel = ⟦9f86d081884c7d65⟧",
          "kodeord: ⟦Solsikke77⟧",
          "token: ⟦abc123def456⟧",
          "tokenet er ⟦t0k3n-v4lu3⟧",
          // English labels
          "password: ⟦hunter2⟧",
          "Password=⟦swordfish99⟧",
          "The password is ⟦Tr0ub4dor&3⟧",
          "my password is: ⟦correcthorse7⟧",
          "password ⟦Hunter2024!⟧",
          "pwd: ⟦p4ssw0rd⟧",
          "pwd=⟦qwerty123⟧",
          "pass: ⟦letmein42⟧",
          "pass=⟦letmein42⟧",
          "shared secret er ⟦abc123xyz⟧",
          "Shared secret: ⟦Qm9yZGVhdXg5OQ⟧",
          "client secret = ⟦cs_8d7f6e5d4c3b⟧",
          "secret: ⟦mysecretvalue1⟧",
          "API key: ⟦AKIA1234567890ABCD⟧",
          "api key is ⟦k-88f0e1d2c3⟧",
          "access token: ⟦ya29.a0AfH6SMBx⟧",
          "Passwort: ⟦Geheim123⟧",
          "passphrase=⟦blue-horse-battery-7⟧",
          // JSON and code
          "{\"password\":\"⟦hunter2⟧\"}",
          "{\"password\": \"⟦hunter two⟧\", \"user\": \"anna\"}",
          "{\"secret\":\"⟦abc123⟧\"}",
          "{\"api_key\":\"⟦f00ba5⟧\",\"order_id\":\"10023\"}",
          "{\"apiKey\": \"⟦xyz789abc⟧\"}",
          "{\"client_secret\":\"⟦cs-123-abc⟧\"}",
          "{\"token\":\"⟦opaque-token-1⟧\"}",
          "{\"access_token\":\"⟦at_9f8e7d6c⟧\",\"expires_in\":3600}",
          "{\"shared_secret\": \"⟦Qwerty12345⟧\"}",
          "{\"sharedSecret\":\"⟦Qwerty12345⟧\"}",
          "{'password': '⟦hunter2⟧'}",
          "{\"password\": ⟦123456⟧}",
          "KLARNA_SHARED_SECRET=⟦abcDEF123⟧",
          "spring.datasource.password=⟦dbpass42⟧",
          "$config['klarna_password'] = '⟦Pa55word⟧';",
          "<password>⟦hunter2⟧</password> passord: ⟦x9y8z7⟧",
          // query strings and URLs
          "https://shop.no/callback?password=⟦hunter2⟧&user=anna",
          "https://shop.no/x?user=anna&api_key=⟦k3y123⟧",
          "GET /api?access_token=⟦at123456⟧ HTTP/1.1",
          "https://anna:⟦hunter2⟧@shop.example.no/admin",
          "ftp://shopadmin:⟦s3cr3t⟧@files.example.com/",
          // curl and headers
          "curl --user anna:⟦hunter2⟧ https://api.playground.klarna.com/",
          "curl -u 'anna:⟦hunter two⟧' https://api.klarna.com/",
          "curl -u \"shop:⟦p@ss word⟧\" -d '{}' https://api.klarna.com/",
          "curl --user=anna:⟦hunter2⟧ https://api.klarna.com/",
          "Authorization: ⟦Basic SzEyMzQ1Nl9hYmM6c2VjcmV0⟧",
          "authorization=⟦Basic SzEyMzQ1Nl9hYmM6c2VjcmV0⟧",
          "-H \"Authorization: ⟦Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U⟧\"",
          "{\"Authorization\": \"⟦Basic SzEyMzQ1Nl9hYmM6c2VjcmV0⟧\"}",
          "header var ⟦Basic SzEyMzQ1Nl9hYmM6c2VjcmV0MTIz⟧",
          "sendte ⟦Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U⟧ i headeren",
          "token ⟦eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrbGFybmEifQ.c2lnbmF0dXJlLXBhcnQ⟧ ble avvist",
          "⟦eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U⟧",
          // the provider's key formats
          "nøkkelen er ⟦klarna_live_api_Q2xhcm5hIGtleQ⟧",
          "bruker ⟦klarna_test_api_abc-123_def⟧ i testmodus",
          "key=⟦klarna_live_api_ZXhhbXBsZQ_1234⟧",
          "api_secret: ⟦MinHemmelighet1⟧",
          "nøkkelfil: ⟦-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----⟧");

  static final List<String> INNOCENT =
      List.of(
          "jeg har glemt passordet",
          "Jeg har glemt passordet mitt, hvordan bytter jeg det?",
          "Passordet er feil",
          "passordet er ikke riktig",
          "Passordet er utløpt og må byttes",
          "the password is wrong",
          "The password is not accepted",
          "I forgot my password",
          "Where do I find the shared secret?",
          "Hvor finner jeg API-nøkkelen?",
          "password reset does not work",
          "hvordan lager jeg ny hemmelighet i Merchant Portal",
          "nøkkelord: faktura",
          "Tokenet er utløpt",
          "bypass: on",
          "Feilkode BAD_VALUE på ordre 10023",
          "error_code: BAD_VALUE",
          "{\"error_code\":\"BAD_VALUE\",\"error_messages\":[\"Bad value: order_amount\"],\"correlation_id\":\"0b7c1f58-3c11-4b7e-9d7a-2f4a9e1c0d33\"}",
          "{\"error_code\":\"UNAUTHORIZED\",\"error_messages\":[\"Invalid password\"]}",
          "correlation id 0b7c1f58-3c11-4b7e-9d7a-2f4a9e1c0d33",
          "Klarna-Correlation-Id: 4f2a9c1e-8b7d-4c3a-9e1f-2d3c4b5a6e7f",
          "error_id: 7d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a",
          "butikk 12345, K123456",
          "EID 12345",
          "Butikk-ID: 98765",
          "store ID 4711",
          "merchant ID K123456",
          "merchant_id: PK12345",
          "ordrenummer 100234",
          "order_id: 7a1e2c3d-1111-2222-3333-444455556666",
          "ordre #10023 ble avvist",
          "session_id=068df369-13a7-4d47-a564-62f8408bb760",
          "Dato: 2026-11-30",
          "den 30.11.2026 kl. 14:05",
          "Time: 2026-11-30T14:05:00+01:00",
          "Beløp: 1 299,00 kr",
          "amount=129900&currency=NOK",
          "order_amount: 129900",
          "HTTP 401 Unauthorized",
          "status 403 MERCHANT_INACTIVE",
          "INVALID_OPERATION på capture",
          "https://api.klarna.com/payments/v1/sessions",
          "https://api.playground.klarna.com/ordermanagement/v1/orders/abc",
          "https://shop.no/checkout?order=10023&step=2",
          "https://shop.no/login?user=anna",
          "mailto:anna@shop.no",
          "anna@shop.no",
          "klarna_live_client_Zm9vYmFy",
          "WooCommerce 8.2, Kustom Checkout 3.1.0, PHP 8.1",
          "Magento 2.4.6 med testmodus på",
          "Basic authentication is used",
          "Bearer token is used",
          "ps -u root",
          "Jeg logget inn med brukernavn og passord",
          "tabell: orders",
          "Password field is empty in the plugin",
          "passordfeltet er tomt",
          "Når utløper ordren? Etter 28 dager.",
          "version=2.4.6",
          "Reference: ABC-2026-0042",
          "The token is expired",
          "Hemmeligheten er borte",
          "key: value",
          "Det er ingen hemmelighet at vi bruker Klarna",
          "passord-feltet mangler",
          "passordet for å logge inn er feil",
          "Passordet mitt er lagt inn i feltet for live",
          "The password for the API is not working",
          "Brukernavnet og passordet er de samme som i testmiljøet",
          "wrong credentials i pluginen, hva er galt?",
          "the credentials are those from the portal",
          "Testmodus: på, miljø: playground");

  static Stream<Arguments> secrets() {
    return SECRETS.stream()
        .map(
            line ->
                Arguments.of(line.replaceAll("[⟦⟧]", ""), line.replaceAll("⟦[^⟧]*⟧", "[fjernet]")));
  }

  static Stream<String> innocents() {
    return INNOCENT.stream();
  }

  @ParameterizedTest
  @MethodSource("secrets")
  void every_form_of_secret_is_removed_and_the_rest_kept(String input, String expected) {
    Redactor.Result r = redactor.redact(input);
    assertEquals(expected, r.text());
    assertFalse(r.found().isEmpty(), "what was removed is reported");
  }

  @ParameterizedTest
  @MethodSource("innocents")
  void look_alikes_stay_untouched(String input) {
    Redactor.Result r = redactor.redact(input);
    assertEquals(input, r.text());
    assertEquals(Set.of(), r.found());
  }

  @Test
  void the_tables_are_large_enough() {
    assertTrue(
        SECRETS.size() >= 60 && INNOCENT.size() >= 60,
        SECRETS.size() + " secrets, " + INNOCENT.size() + " innocents");
  }

  static Stream<Arguments> masked() {
    return Stream.of(
        Arguments.of("API-brukernavn K123456_a1b2c3d4e5", "API-brukernavn K123456_a1********"),
        Arguments.of("bruker PK12345_abcdef123456 i live", "bruker PK12345_ab********** i live"),
        Arguments.of(
            "username: 0b7c1f58-3c11-4b7e-9d7a-2f4a9e1c0d33",
            "username: 0b**********************************"),
        Arguments.of(
            "curl -u K123456_abcdef123456:s3cr3tS3cret https://api.klarna.com/payments/v1/sessions",
            "curl -u K123456_ab**********:[fjernet] https://api.klarna.com/payments/v1/sessions"),
        Arguments.of("K123456_abcdef123456:MinHemmelighet1", "K123456_ab**********:[fjernet]"),
        Arguments.of(
            "ftp://K123456_abcdef123456:s3cr3t@files.example.com/",
            "ftp://K123456_ab**********:[fjernet]@files.example.com/"));
  }

  @ParameterizedTest
  @MethodSource("masked")
  void api_usernames_are_masked_not_removed(String input, String expected) {
    assertEquals(expected, redactor.redact(input).text());
  }

  @Test
  void what_was_found_is_named_without_the_values() {
    Redactor.Result r =
        redactor.redact(
            "passord: Sommer2026! og nøkkel klarna_live_api_abc, Authorization: Basic SzEyMzQ1Nl9hYmM6c2VjcmV0");
    assertEquals(Set.of("password", "API key", "Authorization header"), r.found());
    assertEquals(
        r.text(), redactor.redact(r.text()).text(), "redacting twice changes nothing more");
  }
}
