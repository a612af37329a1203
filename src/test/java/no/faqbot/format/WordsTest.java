package no.faqbot.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void every_language_has_every_word() {
    for (String lang : Languages.ALL) {
      assertEquals(Words.in(Languages.DEFAULT).keys(), Words.in(lang).keys(), lang + ".properties");
    }
  }

  @Test
  void words_are_read_as_utf8() {
    assertEquals("Allerede forsøkt (veiledet feilsøking):", Words.in("nb").get("email.tried"));
  }

  @Test
  void an_unserved_language_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> Words.in("sv"));
  }
}
