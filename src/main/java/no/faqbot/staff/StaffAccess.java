package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who gets into {@code /staff/*}: the login form, logout, a guard that wants a session (or HTTP
 * Basic) and the CSRF token on session posts, and a check that the person's {@link StaffRole}
 * covers the role each matched route declared.
 */
public final class StaffAccess implements Routes {
  private static final Logger LOG = LoggerFactory.getLogger(StaffAccess.class);
  private static final String LOGIN_COOKIE = "faqbot_login";

  /** The request attribute with the signed-in person's {@link StaffRole}. */
  static final String ROLE = "staffRole";

  /** The cookie that carries an OpenID Connect login under way ({@link OidcAttempt}). */
  private static final String OIDC_COOKIE = "faqbot_oidc";

  private final StaffAuth auth;

  /** The OpenID Connect login; null when it is not configured. */
  private final OidcLogin oidc;

  private final LoginAudit audit;

  public StaffAccess(StaffAuth auth) {
    this(auth, null, LoginAudit.NONE);
  }

  /**
   * With the OpenID Connect login {@code oidc} (null for none), logins written to {@code audit}.
   */
  public StaffAccess(StaffAuth auth, OidcLogin oidc, LoginAudit audit) {
    this.auth = auth;
    this.oidc = oidc;
    this.audit = audit;
  }

  /** The login page and the OpenID Connect flow's two steps: open to everyone. */
  private static boolean isLogin(String path) {
    return path.equals("/staff/login")
        || path.equals(OidcLogin.START)
        || path.equals(OidcSettings.CALLBACK);
  }

  /** Whether passwords (the form and HTTP Basic) are turned off by {@code FAQBOT_OIDC_ONLY}. */
  private boolean oidcOnly() {
    return oidc != null && oidc.settings().only();
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before("/staff/*", this::guard);
    routes.beforeMatched("/staff/*", StaffAccess::authorize);
    routes.get("/staff/login", ctx -> login(ctx, null, 200));
    routes.post("/staff/login", this::doLogin);
    if (oidc != null) {
      routes.get(OidcLogin.START, this::startOidc);
      routes.get(OidcSettings.CALLBACK, this::finishOidc);
    }
    routes.post(
        "/staff/logout",
        ctx -> {
          auth.endSession(ctx);
          ctx.redirect("/staff/login", HttpStatus.SEE_OTHER);
        },
        StaffRole.AGENT);
    routes.get("/staff/api/accounts", this::accounts, StaffRole.ADMIN);
  }

  /** One account as {@code GET /staff/api/accounts} shows it. */
  record AccountView(String name, String role, String created) {}

  /** The named accounts (never a hash) and the bootstrap login: who may do what. */
  private void accounts(Context ctx) throws SQLException {
    List<AccountView> rows = new ArrayList<>();
    for (StaffAccount a : auth.accounts()) {
      rows.add(
          new AccountView(a.name(), a.role().id(), Instant.ofEpochMilli(a.created()).toString()));
    }
    ctx.json(Map.of("accounts", rows, "bootstrap", auth.bootstrapUsers()));
  }

  /**
   * Everything under /staff but the login needs a session or Basic auth; session posts need the
   * CSRF token.
   */
  private void guard(Context ctx) {
    if (isLogin(ctx.path())) {
      return;
    }
    Optional<StaffAuth.Session> session = auth.session(ctx);
    // Looked up on every request: a removed account or a changed role holds at once.
    Optional<StaffRole> role = session.flatMap(s -> auth.role(s.user()));
    if (session.isPresent() && role.isEmpty()) {
      auth.endSession(ctx);
    } else if (session.isPresent()) {
      if (!ctx.method().name().equals("GET")
          && !StaffAuth.sameToken(session.get().csrf(), csrfOf(ctx))) {
        new ApiException(
                ErrorCode.FORBIDDEN, "missing or wrong CSRF token: reload the page and try again")
            .answer(ctx);
        ctx.skipRemainingHandlers();
        return;
      }
      signedIn(ctx, session.get().user(), role.get());
      ctx.attribute("csrf", session.get().csrf());
      return;
    }
    Optional<String> basic = basicUser(ctx);
    Optional<StaffRole> basicRole = basic.flatMap(auth::role);
    if (basicRole.isPresent()) {
      signedIn(ctx, basic.get(), basicRole.get());
      return;
    }
    String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
    if (accept.contains("text/html") && ctx.method().name().equals("GET")) {
      ctx.redirect("/staff/login", HttpStatus.SEE_OTHER);
    } else {
      ctx.header("WWW-Authenticate", "Basic realm=\"faqbot staff\", charset=\"UTF-8\"");
      new ApiException(
              ErrorCode.UNAUTHORIZED, "log in at /staff/login, or send HTTP Basic credentials")
          .answer(ctx);
    }
    ctx.skipRemainingHandlers();
  }

  private static void signedIn(Context ctx, String user, StaffRole role) {
    ctx.attribute("staffUser", user);
    ctx.attribute(ROLE, role);
  }

  /**
   * After the guard, for a matched route: the person's role must cover the least role the route
   * declared (admin when it declared none). Else 403: JSON for the API and scripts, a plain page
   * for a browser.
   */
  private static void authorize(Context ctx) {
    if (isLogin(ctx.path())) {
      return;
    }
    StaffRole needed = StaffRole.needed(ctx.routeRoles());
    StaffRole role = ctx.attribute(ROLE);
    if (role != null && role.covers(needed)) {
      return;
    }
    String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
    if (role != null
        && accept.contains("text/html")
        && ctx.method().name().equals("GET")
        && !ctx.path().startsWith("/staff/api/")) {
      ctx.status(403)
          .contentType("text/html; charset=utf-8")
          .render(
              "staff-forbidden",
              Map.of(
                  "user", ctx.attribute("staffUser"),
                  "role", role.id(),
                  "needed", needed.id(),
                  "csrf", Csrf.of(ctx)));
    } else {
      new ApiException(
              ErrorCode.FORBIDDEN,
              "this needs the "
                  + needed.id()
                  + " role; yours is "
                  + (role == null ? "none" : role.id()))
          .answer(ctx);
    }
    ctx.skipRemainingHandlers();
  }

  /** The user of a valid {@code Authorization: Basic} header, for scripts. */
  private Optional<String> basicUser(Context ctx) {
    String header = ctx.header("Authorization");
    if (oidcOnly() || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String client = auth.client(ctx);
    try {
      if (!auth.lockedFor(client).isZero()
          || !auth.check(client, user, decoded.substring(colon + 1))) {
        return Optional.empty();
      }
    } catch (ApiException busy) {
      ctx.header("Retry-After", "1");
      throw busy;
    }
    return Optional.of(user);
  }

  private static String csrfOf(Context ctx) {
    String header = ctx.header("X-CSRF-Token");
    return header != null ? header : ctx.formParam("_csrf");
  }

  /** The page for a login turned away by the cap on password hashes at once. */
  static final String BUSY_PAGE =
      "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\">"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          + "<title>Logg inn – faqbot for support</title><link rel=\"stylesheet\" href=\"/staff.css\">"
          + "</head><body class=\"staff\"><main class=\"login\"><h1>faqbot – logg inn</h1>"
          + "<p class=\"error\" role=\"alert\">Mange logger inn akkurat nå. Prøv igjen om et sekund. ("
          + StaffAuth.BUSY
          + ")</p><p><a class=\"button\" href=\"/staff/login\">Tilbake til innloggingen (back to sign-in)"
          + "</a></p></main></body></html>\n";

  private void login(Context ctx, String error, int status) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("error", error);
    // Login CSRF: the form carries a token that must match a cookie only this site can set.
    String token = auth.newToken();
    ctx.header(
        "Set-Cookie",
        LOGIN_COOKIE
            + "="
            + token
            + "; Path=/staff/login; HttpOnly; SameSite=Strict; Max-Age=3600");
    model.put("csrf", token);
    model.put("passwordLogin", !oidcOnly());
    model.put("oidcName", oidc == null ? null : oidc.name());
    model.put("oidcAvailable", oidc != null && oidc.available());
    ctx.status(status).contentType("text/html; charset=utf-8").render("staff-login", model);
  }

  private void doLogin(Context ctx) {
    if (oidcOnly()) {
      login(
          ctx,
          "Innlogging med passord er slått av. Logg inn med "
              + oidc.name()
              + ". (Password login is off: sign in with "
              + oidc.name()
              + ".)",
          403);
      return;
    }
    String expected = ctx.cookie(LOGIN_COOKIE);
    if (!StaffAuth.sameToken(expected, ctx.formParam("_csrf"))) {
      login(ctx, "Skjemaet var utløpt. Prøv igjen.", 403);
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
    String client = auth.client(ctx);
    Duration wait = auth.lockedFor(client);
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
      ctx.header("Retry-After", String.valueOf(seconds));
      boolean minutes = seconds >= 120;
      long n = minutes ? (seconds + 59) / 60 : seconds;
      login(
          ctx,
          "For mange mislykkede forsøk. Prøv igjen om "
              + n
              + (minutes ? " minutter." : " sekunder.")
              + " (Too many failed attempts: try again in "
              + n
              + (minutes ? " minutes.)" : " seconds.)"),
          429);
      return;
    }
    boolean ok;
    try {
      ok = auth.check(client, user, ctx.formParam("password"));
    } catch (ApiException busy) {
      // The answer to a flood of logins: a fixed page, not the rendered form. On a cold server the
      // first renders held each turned-away login's request thread for ~0.9 s; 16 at once held
      // them all and chat waited behind them (issue 21, F10). The form is one click away.
      ctx.header("Retry-After", "1");
      ctx.status(503).contentType("text/html; charset=utf-8").result(BUSY_PAGE);
      return;
    }
    if (!ok) {
      login(ctx, "Feil brukernavn eller passord.", 401);
      return;
    }
    auth.startSession(ctx, user);
    audited(user, "password");
    ctx.redirect("/staff/search", HttpStatus.SEE_OTHER);
  }

  /** The login button: to the provider, with the attempt's state, nonce and verifier kept. */
  private void startOidc(Context ctx) {
    Optional<OidcLogin.Start> start = oidc.start();
    if (start.isEmpty()) {
      login(
          ctx,
          "Innlogging med "
              + oidc.name()
              + " er ikke tilgjengelig akkurat nå. (Sign-in with "
              + oidc.name()
              + " is unavailable right now.)",
          503);
      return;
    }
    // SameSite=Lax, not Strict: the provider sends the browser back from its own site, and a
    // Strict cookie would not come along on that navigation.
    ctx.header(
        "Set-Cookie",
        OIDC_COOKIE
            + "="
            + start.get().cookie()
            + "; Path="
            + OidcSettings.CALLBACK
            + "; HttpOnly; SameSite=Lax; Max-Age="
            + OidcLogin.ATTEMPT.toSeconds()
            + (https(ctx) ? "; Secure" : ""));
    ctx.redirect(start.get().authorization().toString(), HttpStatus.SEE_OTHER);
  }

  /**
   * The provider's return: checked by {@link OidcLogin#finish}; the person must have a named
   * account (default deny), and then gets the same session as a password login.
   */
  private void finishOidc(Context ctx) {
    String attempt = ctx.cookie(OIDC_COOKIE);
    try {
      finishOidc(ctx, attempt);
    } finally {
      // One use: whatever happened, this attempt is over. Added after the page's own cookies,
      // which are set (not added) and would drop one set before them.
      ctx.res()
          .addHeader(
              "Set-Cookie",
              OIDC_COOKIE
                  + "=; Path="
                  + OidcSettings.CALLBACK
                  + "; HttpOnly; SameSite=Lax; Max-Age=0"
                  + (https(ctx) ? "; Secure" : ""));
    }
  }

  private void finishOidc(Context ctx, String attempt) {
    String client = StaffAuth.printable(auth.client(ctx), 64);
    OidcLogin.Outcome outcome = oidc.finish(attempt, ctx.queryString());
    if (outcome instanceof OidcLogin.Refused refused) {
      LOG.warn("OpenID Connect login from {} refused: {}", client, refused.log());
      login(ctx, refused.message(), refused.status());
      return;
    }
    OidcLogin.Identified who = (OidcLogin.Identified) outcome;
    String claim = oidc.settings().userClaim();
    Optional<StaffAccount> account = auth.namedAccount(who.claimValue());
    if (account.isEmpty()) {
      LOG.warn(
          "OpenID Connect login from {} refused: no staff account named '{}' ({} of subject {});"
              + " add one with: faqbot staff add NAME --role agent",
          client,
          StaffAuth.printable(who.claimValue(), 100),
          claim,
          StaffAuth.printable(who.subject(), 100));
      login(
          ctx,
          "Du er logget inn hos "
              + oidc.name()
              + " som "
              + who.claimValue()
              + ", men har ingen konto i faqbot. Be en administrator om en. (You have no faqbot"
              + " staff account: ask an administrator for one.)",
          403);
      return;
    }
    String user = account.get().name();
    auth.startSession(ctx, user);
    audited(user, "OpenID Connect (" + oidc.name() + ", " + claim + ")");
    LOG.info("OpenID Connect login: {} ({}) from {}", user, account.get().role().id(), client);
    // A page, not a redirect: the staff cookie is SameSite=Strict, and browsers leave it out of a
    // redirect chain that began at the provider's site. A navigation from this page keeps it.
    ctx.status(200)
        .contentType("text/html; charset=utf-8")
        .render("staff-login-done", Map.of("next", "/staff/search"));
  }

  /** A session began: the audit log names the person and how they logged in. */
  private void audited(String user, String how) {
    try {
      audit.add(user, "login", how);
    } catch (SQLException e) {
      // The person proved who they are; a store hiccup must not undo the login.
      LOG.warn("Could not write {}'s login to the audit log: {}", user, e.getMessage());
    }
  }

  private static boolean https(Context ctx) {
    return "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
        || "https".equalsIgnoreCase(ctx.scheme());
  }
}
