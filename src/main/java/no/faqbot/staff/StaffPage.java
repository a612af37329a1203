package no.faqbot.staff;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.faqbot.format.Languages;
import no.faqbot.web.StaffRole;

/**
 * What every staff page has around its own content: the header with who is signed in, and the token
 * its forms send back ({@link Csrf}). Set on the request by the guard ({@link StaffGuard}).
 */
public final class StaffPage {
  /** The request attribute with the signed-in person's name. */
  public static final String USER = "staffUser";

  /** The request attribute with the signed-in person's {@link StaffRole}. */
  static final String ROLE = "staffRole";

  private StaffPage() {}

  /** Who is signed in; null on a route that needs no role. */
  public static String user(Context ctx) {
    return ctx.attribute(USER);
  }

  static void signedIn(Context ctx, String user, StaffRole role) {
    ctx.attribute(USER, user);
    ctx.attribute(ROLE, role);
  }

  /** The token the page's forms send back; empty when there is none. */
  public static String csrf(Context ctx) {
    return Csrf.of(ctx);
  }

  /** The language asked for; staff pages fall back to the default rather than refuse. */
  static String lang(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("lang"))
        .filter(Languages::isSupported)
        .orElse(Languages.DEFAULT);
  }

  /**
   * Renders {@code template} as HTML with {@code model} and the header's {@code user}, {@code
   * csrf}.
   */
  public static void render(Context ctx, String template, Map<String, ?> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("user", user(ctx));
    all.put("csrf", csrf(ctx));
    ctx.contentType("text/html; charset=utf-8").render(template, all);
  }
}
