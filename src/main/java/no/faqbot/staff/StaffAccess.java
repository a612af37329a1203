package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
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
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;
import no.faqbot.web.WebServer;

/**
 * Who gets into {@code /staff/*}: the login form, logout, a guard that wants a session (or HTTP
 * Basic) and the CSRF token on session posts, and a check that the person's {@link StaffRole}
 * covers the role each matched route declared.
 */
public final class StaffAccess implements Routes {
  private static final String LOGIN_COOKIE = "faqbot_login";

  /** The request attribute with the signed-in person's {@link StaffRole}. */
  static final String ROLE = "staffRole";

  private final StaffAuth auth;

  public StaffAccess(StaffAuth auth) {
    this.auth = auth;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before("/staff/*", this::guard);
    routes.beforeMatched("/staff/*", StaffAccess::authorize);
    routes.get("/staff/login", ctx -> login(ctx, null, 200));
    routes.post("/staff/login", this::doLogin);
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
    if (ctx.path().equals("/staff/login")) {
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
        WebServer.error(ctx, 403, "missing or wrong CSRF token: reload the page and try again");
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
      WebServer.error(ctx, 401, "log in at /staff/login, or send HTTP Basic credentials");
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
    if (ctx.path().equals("/staff/login")) {
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
                  "csrf", StaffRoutes.csrf(ctx)));
    } else {
      WebServer.error(
          ctx,
          403,
          "this needs the "
              + needed.id()
              + " role; yours is "
              + (role == null ? "none" : role.id()),
          "forbidden");
    }
    ctx.skipRemainingHandlers();
  }

  /** The user of a valid {@code Authorization: Basic} header, for scripts. */
  private Optional<String> basicUser(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
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
    } catch (ServiceUnavailableResponse busy) {
      ctx.header("Retry-After", "1");
      throw busy;
    }
    return Optional.of(user);
  }

  private static String csrfOf(Context ctx) {
    String header = ctx.header("X-CSRF-Token");
    return header != null ? header : ctx.formParam("_csrf");
  }

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
    ctx.status(status).contentType("text/html; charset=utf-8").render("staff-login", model);
  }

  private void doLogin(Context ctx) {
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
    } catch (ServiceUnavailableResponse busy) {
      ctx.header("Retry-After", "1");
      login(
          ctx,
          "Mange logger inn akkurat nå. Prøv igjen om et sekund. (" + busy.getMessage() + ")",
          503);
      return;
    }
    if (!ok) {
      login(ctx, "Feil brukernavn eller passord.", 401);
      return;
    }
    auth.startSession(ctx, user);
    ctx.redirect("/staff/search", HttpStatus.SEE_OTHER);
  }
}
