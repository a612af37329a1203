package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatRequest;
import no.faqbot.chat.ChatService;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.AnswerView;
import no.faqbot.search.SearchHit;
import no.faqbot.search.TextAnalysis;
import no.faqbot.web.StaffRole;

/**
 * Staff search over the answers: the matching entries with the searched words marked, and what the
 * chat would reply to the same text.
 */
record SearchPage(KnowledgeBase knowledge, TextAnalysis analysis, ChatService chat) {
  private static final int RESULTS = 20;

  /** Longer searches are cut: a question is never this long. */
  private static final int MAX_QUERY = 2000;

  void addTo(RoutesConfig routes) {
    routes.get("/staff/search", this::search, StaffRole.AGENT);
  }

  /** One result with the matched words marked in question and answer (already HTML-escaped). */
  public record Result(
      String id,
      String lang,
      String section,
      String questionHtml,
      String answerHtml,
      String plainAnswer,
      String score) {}

  /** What the chat would reply to the searched text: its type, the entry or flow, and the score. */
  public record ChatPreview(String type, String id, String question, String score, String text) {}

  private void search(Context ctx) throws IOException {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    String cut = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    String lang = StaffPage.lang(ctx);
    String section =
        Optional.ofNullable(ctx.queryParam("section")).filter(s -> !s.isBlank()).orElse(null);
    long started = System.nanoTime();
    List<Result> results = new ArrayList<>();
    TreeSet<String> sections = new TreeSet<>();
    knowledge.withIndex(
        index -> {
          index.content().entries(lang).forEach(e -> sections.add(e.section()));
          if (q.isEmpty()) {
            return null;
          }
          Highlights marks = new Highlights(index.searchTerms(q, lang), analysis, lang);
          for (SearchHit hit : index.search(cut, lang, RESULTS, section)) {
            FaqEntry e = hit.entry();
            if (!e.isFlowTrigger()) {
              results.add(
                  new Result(
                      e.id(),
                      e.lang(),
                      e.section(),
                      marks.mark(e.question()),
                      marks.mark(e.answerText()),
                      e.answerText(),
                      score(hit.score())));
            }
          }
          return null;
        });
    Map<String, Object> model = new HashMap<>();
    model.put("q", q);
    model.put("lang", lang);
    model.put("section", section == null ? "" : section);
    model.put("sections", List.copyOf(sections));
    model.put("results", results);
    model.put("chat", q.isEmpty() ? null : chatPreview(cut, lang));
    model.put("millis", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
    StaffPage.render(ctx, "staff-search", model);
  }

  private ChatPreview chatPreview(String q, String lang) {
    try {
      ChatReply r = chat.reply(new ChatRequest(q, lang, null));
      if (r.answer() != null) {
        AnswerView a = r.answer();
        return new ChatPreview(r.type().json(), a.id(), a.question(), score(a.score()), null);
      }
      if (r.flow() != null) {
        return new ChatPreview(r.type().json(), null, r.flow().title(), null, r.text());
      }
      String choices =
          String.join(", ", r.suggestions().stream().map(AnswerView.QuestionRef::id).toList());
      return new ChatPreview(
          r.type().json(), null, null, null, choices.isEmpty() ? r.text() : choices);
    } catch (IllegalArgumentException e) {
      return new ChatPreview("error", null, null, null, e.getMessage());
    }
  }

  private static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }
}
