package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import no.faqbot.staff.OidcOutcome.Identified;
import no.faqbot.staff.OidcOutcome.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect login's two steps: the button, which sends the browser to the provider, and
 * the provider's return, which gives a person with a named account (default deny) the same session
 * as a password login.
 */
record OidcRoutes(OidcLogin oidc, StaffAuth auth, LoginForm form, LoginAudit audit) {
  private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);

  void addTo(RoutesConfig routes) {
    routes.get(OidcLogin.START, this::start);
    routes.get(OidcSettings.CALLBACK, this::finish);
  }

  /** The login button: to the provider, with the attempt's state, nonce and verifier kept. */
  private void start(Context ctx) {
    Optional<OidcLogin.Start> start = oidc.start();
    if (start.isEmpty()) {
      form.show(ctx, 503, LoginMessage.OIDC_UNAVAILABLE.with(oidc.name()));
      return;
    }
    StaffCookies.oidcAttempt(ctx, start.get().cookie(), OidcLogin.ATTEMPT);
    ctx.redirect(start.get().authorization().toString(), HttpStatus.SEE_OTHER);
  }

  /** The provider's return, checked by {@link OidcLogin#finish}. */
  private void finish(Context ctx) {
    String attempt = ctx.cookie(StaffCookies.OIDC);
    // One use: whatever happens next, this attempt is over.
    StaffCookies.endOidcAttempt(ctx);
    String client = LogText.printable(auth.client(ctx), 64);
    OidcOutcome outcome = oidc.finish(attempt, ctx.queryString());
    if (outcome instanceof Refused refused) {
      LOG.warn("OpenID Connect login from {} refused: {}", client, refused.log());
      form.show(ctx, refused.status(), refused.error());
      return;
    }
    Identified who = (Identified) outcome;
    String claim = oidc.settings().userClaim();
    Optional<StaffAccount> account = auth.namedAccount(who.claimValue());
    if (account.isEmpty()) {
      LOG.warn(
          "OpenID Connect login from {} refused: no staff account named '{}' ({} of subject {});"
              + " add one with: faqbot staff add NAME --role agent",
          client,
          LogText.printable(who.claimValue(), 100),
          claim,
          LogText.printable(who.subject(), 100));
      form.show(ctx, 403, LoginMessage.OIDC_NO_ACCOUNT.with(oidc.name(), who.claimValue()));
      return;
    }
    String user = account.get().name();
    auth.startSession(ctx, user);
    audit.loggedIn(user, "OpenID Connect (" + oidc.name() + ", " + claim + ")");
    LOG.info("OpenID Connect login: {} ({}) from {}", user, account.get().role().id(), client);
    // A page, not a redirect: the staff cookie is SameSite=Strict, and browsers leave it out of a
    // redirect chain that began at the provider's site. A navigation from this page keeps it.
    ctx.status(200)
        .contentType("text/html; charset=utf-8")
        .render("staff-login-done", Map.of("next", "/staff/search"));
  }
}
