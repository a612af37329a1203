package no.faqbot.search;

import java.util.List;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;

/** An entry as the API shows it: plain-text and sanitised HTML answer, plus related questions. */
public record AnswerView(
    String id,
    String lang,
    String question,
    String answer,
    String answerHtml,
    String section,
    double score,
    List<QuestionRef> related) {

  /** A question a merchant can pick to see its answer. */
  public record QuestionRef(String id, String question) {}

  public static AnswerView of(FaqEntry e, double score, ContentSnapshot content, String lang) {
    List<QuestionRef> related =
        e.related().stream()
            .map(id -> content.entry(id, lang))
            .flatMap(java.util.Optional::stream)
            .map(r -> new QuestionRef(r.id(), r.question()))
            .toList();
    return new AnswerView(
        e.id(),
        e.lang(),
        e.question(),
        e.answerText(),
        e.answerHtml(),
        e.section(),
        Math.round(score * 1000) / 1000.0,
        related);
  }
}
