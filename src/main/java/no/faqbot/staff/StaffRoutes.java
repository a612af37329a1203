package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatRequest;
import no.faqbot.chat.ChatService;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.AnswerView;
import no.faqbot.search.SearchHit;
import no.faqbot.search.TextAnalysis;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * The staff pages: search, an entry, content status and flow diagrams, behind {@link StaffAccess}.
 */
public final class StaffRoutes implements Routes {
  private static final int RESULTS = 20;

  private final KnowledgeBase knowledge;
  private final TextAnalysis analysis;
  private final ContentReloader reloader;
  private final int staleDays;
  private final ChatService chat;

  public StaffRoutes(
      KnowledgeBase knowledge,
      TextAnalysis analysis,
      ContentReloader reloader,
      int staleDays,
      ChatService chat) {
    this.chat = chat;
    this.knowledge = knowledge;
    this.analysis = analysis;
    this.reloader = reloader;
    this.staleDays = staleDays;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/staff", ctx -> ctx.redirect("/staff/search", HttpStatus.SEE_OTHER), StaffRole.AGENT);
    routes.get("/staff/search", this::search, StaffRole.AGENT);
    routes.get("/staff/api/content-status", ctx -> ctx.json(status(ctx)), StaffRole.EDITOR);
    routes.get(
        "/staff/content",
        ctx ->
            ctx.contentType("text/html; charset=utf-8")
                .render(
                    "staff-content",
                    Map.of(
                        "status",
                        status(ctx),
                        "user",
                        ctx.attribute("staffUser"),
                        "csrf",
                        csrf(ctx))),
        StaffRole.EDITOR);
    routes.get("/staff/entries/{id}", this::entry, StaffRole.AGENT);
    routes.get(
        "/staff/flows/{id}.svg",
        ctx -> {
          String lang = lang(ctx);
          var flow =
              knowledge
                  .current()
                  .content()
                  .flow(ctx.pathParam("id"))
                  .orElseThrow(
                      () ->
                          new ApiException(
                              ErrorCode.NOT_FOUND,
                              "no flow with id '" + ctx.pathParam("id") + "'"));
          ctx.contentType("image/svg+xml; charset=utf-8")
              .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
              .result(FlowDiagram.svg(flow, lang));
        },
        StaffRole.AGENT);
  }

  private Map<String, Object> status(Context ctx) {
    int days = staleDays;
    String param = ctx.queryParam("staleDays");
    if (param != null) {
      try {
        days = Integer.parseInt(param.strip());
      } catch (NumberFormatException e) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "staleDays must be a whole number of days, got '" + param + "'");
      }
    }
    return ContentStatus.of(
        knowledge.current().content(), reloader.lastReload(), days, Clock.systemUTC());
  }

  static String csrf(Context ctx) {
    Object token = ctx.attribute("csrf");
    return token == null ? "" : token.toString();
  }

  /**
   * One entry as staff need it: the answer to copy, alternatives, related, flow, updated, source
   * file.
   */
  private void entry(Context ctx) {
    String lang = lang(ctx);
    var content = knowledge.current().content();
    FaqEntry e =
        content
            .entry(ctx.pathParam("id"), lang)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_FOUND, "no entry with id '" + ctx.pathParam("id") + "'"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("e", e);
    model.put(
        "related",
        e.related().stream().map(id -> content.entry(id, lang)).flatMap(Optional::stream).toList());
    model.put("user", ctx.attribute("staffUser"));
    model.put("csrf", csrf(ctx));
    ctx.contentType("text/html; charset=utf-8").render("staff-entry", model);
  }

  /** The language asked for; staff pages fall back to the default rather than refuse. */
  private static String lang(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("lang"))
        .filter(Languages::isSupported)
        .orElse(Languages.DEFAULT);
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
    return String.format(java.util.Locale.ROOT, "%.2f", score);
  }

  private void search(Context ctx) throws IOException {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    String lang = lang(ctx);
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
          Highlighter highlighter = highlighter(index.searchTerms(q, lang));
          for (SearchHit hit :
              index.search(q.length() > 2000 ? q.substring(0, 2000) : q, lang, RESULTS, section)) {
            FaqEntry e = hit.entry();
            if (!e.isFlowTrigger()) {
              results.add(
                  new Result(
                      e.id(),
                      e.lang(),
                      e.section(),
                      mark(highlighter, lang, e.question()),
                      mark(highlighter, lang, e.answerText()),
                      e.answerText(),
                      score(hit.score())));
            }
          }
          return null;
        });
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("q", q);
    model.put("lang", lang);
    model.put("section", section == null ? "" : section);
    model.put("sections", List.copyOf(sections));
    model.put("results", results);
    model.put(
        "chat",
        q.isEmpty() ? null : chatPreview(q.length() > 2000 ? q.substring(0, 2000) : q, lang));
    model.put("millis", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
    model.put("user", ctx.attribute("staffUser"));
    model.put("csrf", csrf(ctx));
    ctx.contentType("text/html; charset=utf-8").render("staff-search", model);
  }

  private static Highlighter highlighter(Set<String> terms) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    terms.stream()
        .limit(BooleanQuery.getMaxClauseCount())
        .forEach(t -> any.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
    Highlighter h =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"),
            new SimpleHTMLEncoder(),
            new QueryScorer(any.build(), "text"));
    h.setTextFragmenter(new NullFragmenter());
    return h;
  }

  /** The text, HTML-escaped, with the searched words in {@code <mark>}. */
  private String mark(Highlighter highlighter, String lang, String text) {
    try {
      String marked = highlighter.getBestFragment(analysis.analyzer(lang), "text", text);
      return marked != null ? marked : SimpleHTMLEncoder.htmlEncode(text);
    } catch (IOException | InvalidTokenOffsetsException e) {
      return SimpleHTMLEncoder.htmlEncode(text);
    }
  }
}
