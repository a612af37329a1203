package no.faqbot.insights;

import io.javalin.config.RoutesConfig;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.Routes;

/**
 * Records a suggested or related question the widget opened ({@code GET /api/entries/{id}} with the
 * widget's {@code conversation}), after the entry has been served, and only when that conversation
 * was shown the entry: fetching entries by the thousand cannot skew the insights.
 */
public final class RecordingRoutes implements Routes {
  private final EventRecorder recorder;
  private final ShownEntries shown;
  private final KnowledgeBase knowledge;

  public RecordingRoutes(EventRecorder recorder, ShownEntries shown, KnowledgeBase knowledge) {
    this.recorder = recorder;
    this.shown = shown;
    this.knowledge = knowledge;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.after(
        "/api/entries/{id}",
        ctx -> {
          String conversation = ctx.queryParam("conversation");
          if (conversation == null || ctx.statusCode() != 200) {
            return;
          }
          String id = ctx.pathParam("id");
          if (!shown.wasShown(conversation, id)) {
            recorder.refuse(EventRecorder.NOT_SHOWN);
            return;
          }
          String lang = ctx.queryParam("lang");
          lang = Languages.isSupported(lang) ? lang : Languages.DEFAULT;
          recorder.pick(conversation, lang, id);
          // The opened entry's related questions are on the screen now: picking one counts too.
          knowledge
              .current()
              .content()
              .entry(id, lang)
              .ifPresent(e -> shown.remember(conversation, e.related()));
        });
  }
}
