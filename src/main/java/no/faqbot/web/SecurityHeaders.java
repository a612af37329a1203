package no.faqbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Headers that make browsers stricter: every answer is {@code nosniff} and sends no referrer; every
 * HTML page gets a Content-Security-Policy (nothing inline, nothing from elsewhere) unless its
 * route set its own, and may not be framed by any site (clickjacking of the staff pages).
 */
final class SecurityHeaders implements Routes {
  /**
   * For staff pages: their scripts and styles are files of this server, and they post only to it.
   */
  static final String PAGE_CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(SecurityHeaders::everywhere);
    routes.after(SecurityHeaders::onPages);
  }

  private static void everywhere(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static void onPages(Context ctx) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith("text/html")) {
      return;
    }
    if (ctx.res().getHeader("Content-Security-Policy") == null) {
      ctx.header("Content-Security-Policy", PAGE_CSP);
    }
    ctx.header("X-Frame-Options", "DENY");
  }
}
