package no.faqbot.insights;

import io.javalin.http.Context;
import java.util.Map;

/** What the insights' staff pages add to every staff page: a strict content security policy. */
final class StaffPage {
  /** Strict: nothing from outside, no inline script or style; the charts are inline SVG. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private StaffPage() {}

  /** The signed-in staff member's name, {@code ?} when unknown (for the audit log). */
  static String user(Context ctx) {
    String user = no.faqbot.staff.StaffPage.user(ctx);
    return user == null ? "?" : user;
  }

  /** Renders {@code template} as a staff page ({@link no.faqbot.staff.StaffPage}), strictly. */
  static void render(Context ctx, String template, Map<String, Object> model) {
    ctx.header("Content-Security-Policy", CSP);
    no.faqbot.staff.StaffPage.render(ctx, template, model);
  }
}
