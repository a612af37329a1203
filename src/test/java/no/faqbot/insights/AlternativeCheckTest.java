package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The phrasings "add as alternative" refuses, and ordinary ones it lets through. */
class AlternativeCheckTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Passordet jeg bruker er Vinter2026Nb03 | nb | secret",
        "I changed my password to Vinter2026En08 | en | secret",
        "kortet 4111 1111 1111 1111 ble avvist | nb | secret",
        "fødselsnummer 15079010003 mangler | nb | secret",
        "Passordet er [fjernet] men det virker ikke | nb | marker",
        "the password is [removed] | en | marker",
        "hvordan endrer jeg logoen i kassen | en | reads as 'nb'",
        "how do I change the logo in the checkout | nb | reads as 'en'",
      })
  void is_refused(String phrasing, String lang, String why) {
    AlternativeCheck.Refused e =
        assertThrows(
            AlternativeCheck.Refused.class, () -> AlternativeCheck.require(phrasing, lang));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hvordan endrer jeg logoen i kassen | nb",
        "how do I change the logo in the checkout | en",
        "jeg har glemt passordet | nb",
        "ordre 10023 ble avvist | nb",
        "Klarna Payments | en",
        "Klarna Payments | nb",
      })
  void is_let_through(String phrasing, String lang) {
    assertDoesNotThrow(() -> AlternativeCheck.require(phrasing, lang));
  }
}
