package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * Who gets into the staff pages: the guard before every route that declares a {@link StaffRole}
 * ({@link StaffGuard}), the login page ({@link LoginForm}), the OpenID Connect login ({@link
 * OidcRoutes}) when configured, logout, and the list of accounts.
 */
public final class StaffAccess implements Routes {
  private final StaffAuth auth;
  private final LoginForm form;

  /** The OpenID Connect login's routes; null when it is not configured. */
  private final OidcRoutes oidc;

  public StaffAccess(StaffAuth auth) {
    this(auth, null, LoginAudit.NONE);
  }

  /**
   * With the OpenID Connect login {@code oidc} (null for none), logins written to {@code audit}.
   */
  public StaffAccess(StaffAuth auth, OidcLogin oidc, LoginAudit audit) {
    this.auth = auth;
    this.form = new LoginForm(auth, oidc, audit);
    this.oidc = oidc == null ? null : new OidcRoutes(oidc, auth, form, audit);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    StaffGuard guard = new StaffGuard(auth, new BasicLogin(auth, !form.passwordsOff()));
    routes.beforeMatched(guard::check);
    form.addTo(routes);
    if (oidc != null) {
      oidc.addTo(routes);
    }
    routes.post(
        "/staff/logout",
        ctx -> {
          auth.endSession(ctx);
          ctx.redirect(LoginForm.PATH, HttpStatus.SEE_OTHER);
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
}
