package no.faqbot.staff;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The token against cross-site request forgery: each session has one, which every post of a
 * signed-in browser must send back (scripts with HTTP Basic need none: a browser never sends those
 * credentials on its own).
 */
final class Csrf {
  /** The request attribute with the session's token, for the page's forms. */
  static final String ATTRIBUTE = "csrf";

  private Csrf() {}

  /** Compares in constant time, so timing tells nothing about how much of a guess was right. */
  static boolean same(String expected, String given) {
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The token a request sent: the {@code X-CSRF-Token} header (scripts), else the form field. */
  static String sent(Context ctx) {
    String header = ctx.header("X-CSRF-Token");
    return header != null ? header : ctx.formParam("_csrf");
  }

  /** The session's token for the page's forms; empty when signed in by HTTP Basic. */
  static String of(Context ctx) {
    Object token = ctx.attribute(ATTRIBUTE);
    return token == null ? "" : token.toString();
  }
}
