package no.faqbot.insights;

import io.javalin.http.Context;
import java.util.Map;

/** What the insights' staff pages share: who is signed in, the CSRF token and a strict policy. */
final class StaffPage {
  /** Strict: nothing from outside, no inline script or style; the charts are inline SVG. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private StaffPage() {}

  /** The signed-in staff member's name, {@code ?} when unknown (for the audit log). */
  static String user(Context ctx) {
    Object user = ctx.attribute("staffUser");
    return user == null ? "?" : user.toString();
  }

  /** Renders {@code template} with {@code model}, the user and the CSRF token added. */
  static void render(Context ctx, String template, Map<String, Object> model) {
    model.put("user", ctx.attribute("staffUser"));
    model.put("csrf", ctx.attribute("csrf") == null ? "" : ctx.attribute("csrf"));
    ctx.header("Content-Security-Policy", CSP);
    ctx.contentType("text/html; charset=utf-8").render(template, model);
  }
}
