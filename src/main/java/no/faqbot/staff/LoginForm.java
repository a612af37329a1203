package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.faqbot.web.ApiException;

/**
 * The login page: the form (with the buttons of an OpenID Connect login), a user and password
 * posted with it, and what a refused login is told ({@link LoginMessage}).
 *
 * @param oidc the OpenID Connect login; null when it is not configured
 */
record LoginForm(StaffAuth auth, OidcLogin oidc, LoginAudit audit) {
  static final String PATH = "/staff/login";

  /**
   * The answer to a flood of logins: a fixed page, not the rendered form. On a cold server the
   * first renders held each turned-away login's request thread for ~0.9 s; 16 at once held them all
   * and chat waited behind them (issue 21, F10). The form is one click away.
   */
  private static final String BUSY_PAGE = resource("login-busy.html");

  void addTo(RoutesConfig routes) {
    routes.get(PATH, ctx -> show(ctx, 200, null));
    routes.post(PATH, this::post);
  }

  /** Whether passwords (the form and HTTP Basic) are turned off by {@code FAQBOT_OIDC_ONLY}. */
  boolean passwordsOff() {
    return oidc != null && oidc.settings().only();
  }

  /** The page with {@code error} (null for none) and a fresh token for the form. */
  void show(Context ctx, int status, LoginError error) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", error);
    // Login CSRF: the form carries a token that must match a cookie only this site can set.
    String token = Tokens.fresh();
    StaffCookies.loginForm(ctx, token);
    model.put("csrf", token);
    model.put("passwordLogin", !passwordsOff());
    model.put("oidcName", oidc == null ? null : oidc.name());
    model.put("oidcAvailable", oidc != null && oidc.available());
    ctx.status(status).contentType("text/html; charset=utf-8").render("staff-login", model);
  }

  private void post(Context ctx) {
    if (passwordsOff()) {
      show(ctx, 403, LoginMessage.PASSWORD_OFF.with(oidc.name()));
      return;
    }
    if (!Csrf.same(ctx.cookie(StaffCookies.LOGIN), ctx.formParam("_csrf"))) {
      show(ctx, 403, LoginMessage.FORM_EXPIRED.with());
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
    String client = auth.client(ctx);
    Duration wait = auth.lockedFor(client);
    if (!wait.isZero()) {
      locked(ctx, wait);
      return;
    }
    boolean ok;
    try {
      ok = auth.check(client, user, ctx.formParam("password"));
    } catch (ApiException busy) {
      ctx.header("Retry-After", "1");
      ctx.status(503).contentType("text/html; charset=utf-8").result(BUSY_PAGE);
      return;
    }
    if (!ok) {
      show(ctx, 401, LoginMessage.WRONG_PASSWORD.with());
      return;
    }
    auth.startSession(ctx, user);
    audit.loggedIn(user, "password");
    ctx.redirect("/staff/search", HttpStatus.SEE_OTHER);
  }

  /** The address is locked out for {@code wait}: said in seconds, or minutes from two on. */
  private void locked(Context ctx, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    ctx.header("Retry-After", String.valueOf(seconds));
    boolean minutes = seconds >= 120;
    String n = String.valueOf(minutes ? (seconds + 59) / 60 : seconds);
    show(ctx, 429, (minutes ? LoginMessage.LOCKED_MINUTES : LoginMessage.LOCKED_SECONDS).with(n));
  }

  private static String resource(String name) {
    try (InputStream in = LoginForm.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing next to " + LoginForm.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
