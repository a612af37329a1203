package no.faqbot.widget;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import no.faqbot.format.Languages;
import no.faqbot.web.Routes;

/**
 * {@code GET /}: a demo merchant help page with the widget embedded by its one script tag, served
 * under a strict Content-Security-Policy, so the README's run command shows the widget working.
 */
public final class DemoRoutes implements Routes {
  /** What a careful shop would send: nothing inline, nothing from elsewhere. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
          + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/", this::demo);
  }

  private void demo(Context ctx) {
    String asked = ctx.queryParam("lang");
    String lang = Languages.isSupported(asked) ? asked : Languages.DEFAULT;
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.render("demo", Map.of("lang", lang));
  }
}
