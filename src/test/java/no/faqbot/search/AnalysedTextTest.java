package no.faqbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer is analysed once; each sentence's share of its terms is what the sentence alone gives.
 */
class AnalysedTextTest {
  private static final TextAnalysis ANALYSIS = new TextAnalysis();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nb|Gå til appen. Velg rapporter! Ferdig?",
        "nb|Versjon 3.2 av KCO er ny. Se klarna.com for mer.",
        "nb|Brukerne ser oppgjøret.\\nDeretter kan de laste ned PDF-en. ... 2020. Ja.",
        "nb|  Innrykk først. Så e-post til support@example.com! Og «sitat».  ",
        "en|The merchant's orders are settled. It's done! U.S. stores too? Yes.",
      })
  void a_sentence_gets_the_terms_it_has_alone(String lang, String answer) {
    String text = answer.replace("\\n", "\n");
    TextAnalysis.AnalysedText analysed = ANALYSIS.analysed(lang, text);
    assertEquals(ANALYSIS.terms(lang, text), analysed.terms());
    for (AnswerSentences.Span s : AnswerSentences.spans(text)) {
      String sentence = text.substring(s.start(), s.end());
      assertEquals(ANALYSIS.terms(lang, sentence), analysed.within(s.start(), s.end()), sentence);
    }
  }
}
