package no.faqbot.search;

import java.util.ArrayList;
import java.util.List;
import no.faqbot.content.FaqEntry;

/**
 * One entry's analysed terms, before they are numbered: each phrasing (question, then each
 * alternative) with the kind of question it asks, the answer with section and tags, and each
 * sentence of the answer long enough to count as a wording of the entry's subject.
 */
record AnalysedEntry(
    String id,
    List<List<String>> phrasings,
    QuestionWord[] asks,
    List<String> body,
    List<List<String>> sentences) {

  static AnalysedEntry of(FaqEntry e, String lang, TextAnalysis analysis) {
    List<List<String>> phrasings = new ArrayList<>(1 + e.alternatives().size());
    QuestionWord[] asks = new QuestionWord[1 + e.alternatives().size()];
    phrasings.add(analysis.terms(lang, e.question()));
    asks[0] = QuestionWord.of(e.question());
    for (int i = 1; i < asks.length; i++) {
      String alt = e.alternatives().get(i - 1);
      phrasings.add(analysis.terms(lang, alt));
      asks[i] = QuestionWord.of(alt);
    }
    TextAnalysis.AnalysedText answer = analysis.analysed(lang, e.answerText());
    List<String> body = new ArrayList<>(answer.terms());
    body.addAll(analysis.terms(lang, e.section()));
    body.addAll(analysis.terms(lang, String.join(" ", e.tags())));
    List<List<String>> sentences = new ArrayList<>();
    // A sentence ends before a space, which no word spans and no filter looks across, so its terms
    // are the answer's whose words start inside it: the answer is analysed once, not twice.
    for (AnswerSentences.Span sentence : AnswerSentences.spans(e.answerText())) {
      List<String> terms = answer.within(sentence.start(), sentence.end());
      if (terms.size() >= AnswerSentences.MIN_TERMS) {
        sentences.add(terms);
      }
    }
    return new AnalysedEntry(e.id(), phrasings, asks, body, sentences);
  }
}
