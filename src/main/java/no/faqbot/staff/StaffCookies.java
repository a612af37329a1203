package no.faqbot.staff;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;

/**
 * The staff login's three cookies, each HttpOnly and on the narrowest path: the session, the login
 * form's CSRF token, and an OpenID Connect login under way. A cookie is ended by sending it again,
 * empty and expired.
 */
final class StaffCookies {
  /** The session id ({@link Sessions}). */
  static final String SESSION = "faqbot_staff";

  /** The login form's token: only this site can set it, so a forged form cannot match it. */
  static final String LOGIN = "faqbot_login";

  /** The signed attempt of an OpenID Connect login ({@link OidcAttempt}). */
  static final String OIDC = "faqbot_oidc";

  private static final Duration LOGIN_FORM = Duration.ofHours(1);

  private StaffCookies() {}

  static void session(Context ctx, String id) {
    ctx.cookie(strict(SESSION, id, "/staff", StaffSessions.LENGTH, https(ctx)));
  }

  static void endSession(Context ctx) {
    ctx.cookie(strict(SESSION, "", "/staff", Duration.ZERO, false));
  }

  static void loginForm(Context ctx, String token) {
    ctx.cookie(strict(LOGIN, token, "/staff/login", LOGIN_FORM, false));
  }

  /**
   * SameSite=Lax, not Strict: the provider sends the browser back from its own site, and a Strict
   * cookie would not come along on that navigation.
   */
  static void oidcAttempt(Context ctx, String attempt, Duration lasts) {
    ctx.cookie(
        new Cookie(
            OIDC,
            attempt,
            OidcSettings.CALLBACK,
            (int) lasts.toSeconds(),
            https(ctx),
            true,
            null,
            SameSite.LAX));
  }

  static void endOidcAttempt(Context ctx) {
    oidcAttempt(ctx, "", Duration.ZERO);
  }

  private static Cookie strict(
      String name, String value, String path, Duration lasts, boolean secure) {
    return new Cookie(
        name, value, path, (int) lasts.toSeconds(), secure, true, null, SameSite.STRICT);
  }

  /** Whether the browser talks HTTPS to us or to the proxy in front: then cookies are Secure. */
  static boolean https(Context ctx) {
    return "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
        || "https".equalsIgnoreCase(ctx.scheme());
  }
}
