package no.faqbot.insights;

import io.javalin.config.RoutesConfig;
import no.faqbot.format.Languages;
import no.faqbot.web.Routes;

/**
 * Records a suggested or related question the widget opened ({@code GET /api/entries/{id}} with the
 * widget's {@code conversation}), after the entry has been served.
 */
public final class RecordingRoutes implements Routes {
  private final EventRecorder recorder;

  public RecordingRoutes(EventRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.after(
        "/api/entries/{id}",
        ctx -> {
          String conversation = ctx.queryParam("conversation");
          if (conversation != null && ctx.statusCode() == 200) {
            String lang = ctx.queryParam("lang");
            recorder.pick(
                conversation,
                Languages.isSupported(lang) ? lang : Languages.DEFAULT,
                ctx.pathParam("id"));
          }
        });
  }
}
