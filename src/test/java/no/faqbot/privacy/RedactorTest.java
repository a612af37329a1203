package no.faqbot.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms secrets and personal numbers take in what merchants paste, and the look-alikes that
 * must stay, as tables in {@code secret-forms.txt} and {@code innocent-forms.txt} (also read by the
 * abuse suite). In a secret case the value between ⟦ and ⟧ is what must go: the input is the line
 * without the brackets, the expected output has {@code [fjernet]} in their place and everything
 * else unchanged.
 */
class RedactorTest {
  private final Redactor redactor = new Redactor();

  /** One form a line (# starts a comment, "\\n" is a line break). */
  static List<String> table(String name) {
    try (InputStream in = RedactorTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.replace("\\n", "\n"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final List<String> SECRETS = table("secret-forms.txt");

  static final List<String> INNOCENT = table("innocent-forms.txt");

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
        SECRETS.size() >= 110 && INNOCENT.size() >= 95,
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
            "ftp://K123456_ab**********:[fjernet]@files.example.com/"),
        Arguments.of("K123456_abcdef123456 / Vinter2026Pair", "K123456_ab********** / [fjernet]"),
        Arguments.of("brugernavn: K123456_abcdef123456", "brugernavn: K123456_ab**********"));
  }

  @ParameterizedTest
  @MethodSource("masked")
  void api_usernames_are_masked_not_removed(String input, String expected) {
    assertEquals(expected, redactor.redact(input).text());
  }

  @Test
  void a_label_with_a_letter_that_folds_one_way_is_still_found() {
    // The long s upper-cases to S and the Kelvin sign lower-cases to k: the rules match them
    // regardless of case, and the quick check before each rule must not skip them.
    assertEquals("pa\u017Fsord: [fjernet]", redactor.redact("pa\u017Fsord: Vinter2026Nb03").text());
    assertEquals(
        "\u212Alient_secret=[fjernet]",
        redactor.redact("\u212Alient_secret=Vinter2026Nb03").text());
    assertTrue(Redactor.foldsOneWay("pa\u017Fsord"));
    assertFalse(Redactor.foldsOneWay("Passordet mitt er blåbær"));
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
