package no.faqbot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
  private final Redactor redactor = new Redactor();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nøkkelen er klarna_live_api_Q2xhcm5hIGtleQ", "nøkkelen er [fjernet]", Set.of("API key")),
        Arguments.of("bruker klarna_test_api_abc-123_def", "bruker [fjernet]", Set.of("API key")),
        Arguments.of("Authorization: Basic SzEyMzQ1Nl9hYmM6c2VjcmV0", "Authorization: [fjernet]", Set.of("Authorization header")),
        Arguments.of("header var Basic SzEyMzQ1Nl9hYmM6c2VjcmV0MTIz", "header var [fjernet]", Set.of("Authorization header")),
        Arguments.of("passord: Sommer2026!", "passord: [fjernet]", Set.of("password")),
        Arguments.of("Password=\"hunter two\"", "Password=[fjernet]", Set.of("password")),
        Arguments.of("shared secret er abc123xyz", "shared secret er [fjernet]", Set.of("password")),
        Arguments.of("hemmelighet: s3cr3t", "hemmelighet: [fjernet]", Set.of("password")),
        Arguments.of("API-brukernavn K123456_a1b2c3d4e5", "API-brukernavn K123456_a1********", Set.of("API username (masked)")),
        Arguments.of("username: 0b7c1f58-3c11-4b7e-9d7a-2f4a9e1c0d33", "username: 0b**********************************",
            Set.of("API username (masked)")),
        Arguments.of("correlation id 0b7c1f58-3c11-4b7e-9d7a-2f4a9e1c0d33", "correlation id 0b7c1f58-3c11-4b7e-9d7a-2f4a9e1c0d33", Set.of()),
        Arguments.of("Feilkode BAD_VALUE på ordre 10023", "Feilkode BAD_VALUE på ordre 10023", Set.of()),
        Arguments.of("butikk 12345, K123456", "butikk 12345, K123456", Set.of()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void secrets_are_removed_usernames_masked_and_the_rest_kept(String input, String expected, Set<String> found) {
    Redactor.Result r = redactor.redact(input);
    assertEquals(expected, r.text());
    assertEquals(found, r.found());
  }
}
