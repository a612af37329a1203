package no.faqbot.staff;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.StaffRole;

/**
 * Run before every matched route: a route that declares a {@link StaffRole} needs a signed-in
 * person (a session, whose posts carry its CSRF token, or HTTP Basic) whose role covers the least
 * role it declared. A route that declares none (the login, the public API) is open to all; that
 * every staff route declares one is checked by {@code StaffRoutesDeclareRolesTest}.
 */
record StaffGuard(StaffAuth auth, BasicLogin basic) {
  void check(Context ctx) {
    Set<RouteRole> declared = ctx.routeRoles();
    if (declared.stream().noneMatch(StaffRole.class::isInstance)) {
      return;
    }
    StaffRole needed = StaffRole.needed(declared);
    Optional<StaffRole> role = signIn(ctx);
    if (role.isEmpty()) {
      signInFirst(ctx);
    } else if (!role.get().covers(needed)) {
      forbidden(ctx, role.get(), needed);
    }
  }

  /**
   * The signed-in person's role, with their name and CSRF token put on the request ({@link
   * StaffPage}); empty when nobody is.
   *
   * @throws ApiException (403) for a session's post without its CSRF token
   */
  private Optional<StaffRole> signIn(Context ctx) {
    Optional<Session> session = auth.session(ctx);
    // Looked up on every request: a removed account or a changed role holds at once.
    Optional<StaffRole> role = session.flatMap(s -> auth.role(s.user()));
    if (session.isPresent() && role.isEmpty()) {
      auth.endSession(ctx);
    } else if (session.isPresent()) {
      if (!ctx.method().name().equals("GET") && !Csrf.same(session.get().csrf(), Csrf.sent(ctx))) {
        throw new ApiException(
            ErrorCode.FORBIDDEN, "missing or wrong CSRF token: reload the page and try again");
      }
      StaffPage.signedIn(ctx, session.get().user(), role.get());
      ctx.attribute(Csrf.ATTRIBUTE, session.get().csrf());
      return role;
    }
    Optional<String> user = basic.user(ctx);
    Optional<StaffRole> basicRole = user.flatMap(auth::role);
    basicRole.ifPresent(r -> StaffPage.signedIn(ctx, user.get(), r));
    return basicRole;
  }

  /** Nobody signed in: a browser goes to the login page, a script is told to use HTTP Basic. */
  private static void signInFirst(Context ctx) {
    if (!browserPage(ctx)) {
      throw new ApiException(
              ErrorCode.UNAUTHORIZED, "log in at /staff/login, or send HTTP Basic credentials")
          .header("WWW-Authenticate", "Basic realm=\"faqbot staff\", charset=\"UTF-8\"");
    }
    ctx.redirect(LoginForm.PATH, HttpStatus.SEE_OTHER);
    ctx.skipRemainingHandlers();
  }

  /** The role does not cover the route's: a plain page for a browser, JSON for the API. */
  private static void forbidden(Context ctx, StaffRole role, StaffRole needed) {
    if (!browserPage(ctx) || ctx.path().startsWith("/staff/api/")) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "this needs the " + needed.id() + " role; yours is " + role.id());
    }
    ctx.status(403);
    StaffPage.render(ctx, "staff-forbidden", Map.of("role", role.id(), "needed", needed.id()));
    ctx.skipRemainingHandlers();
  }

  /** A browser asking for a page (not a script, not a form post). */
  private static boolean browserPage(Context ctx) {
    String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
    return accept.contains("text/html") && ctx.method().name().equals("GET");
  }
}
