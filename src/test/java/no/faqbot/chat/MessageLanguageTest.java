package no.faqbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageLanguageTest {
  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The page's language stands when the message says nothing else.
        "nb | kco v3                                              | nb",
        "en | kco v3                                              | en",
        "nb | checkout test sandbox                               | nb",
        // English on the Norwegian page.
        "nb | where is the setting for this in the plugin         | en",
        "nb | the api key does not work after the switch          | en",
        // Norwegian, Danish, Swedish and nynorsk on the English page read as Norwegian.
        "en | hvordan bytter jeg til den nye løsningen            | nb",
        "en | hvad skal jeg gøre med den gamle aftale             | nb",
        "en | hur gör jag när kunden inte kan betala              | nb",
        "en | korleis får eg tak i dei nye opplysningane          | nb",
        // A mixed message goes by its function words, not its loan words.
        "nb | plugin says credentials invalid, what do we do now  | en",
        "en | vi har testet checkout og det virker ikke           | nb",
        // One marker word is not enough to leave the page's language.
        "nb | status på oppgradering, what                        | nb",
      })
  void answers_in_the_language_the_message_is_written_in(String page, String message, String lang) {
    assertEquals(lang, MessageLanguage.of(message, page));
  }
}
