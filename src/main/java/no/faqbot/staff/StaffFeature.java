package no.faqbot.staff;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.faqbot.chat.ChatService;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.store.Store;
import no.faqbot.store.Vendor;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.Routes;

/**
 * The staff login wired: the bootstrap admin beside the named accounts in the store, sessions and
 * lockouts (in PostgreSQL when replicas share it), the cap on password hashes, the OpenID Connect
 * login when one is offered, and the staff pages.
 */
public final class StaffFeature {
  /** At most one password hash per two cores at once, so logins cannot take the chat's CPU. */
  private final HashGate hashes = HashGate.halfTheCores();

  private final Clock clock;
  private final StaffAuth auth;

  /** Signs OpenID Connect logins under way; replicas share it, so any may take the return. */
  private final Supplier<byte[]> oidcKey;

  private final String generatedPassword;

  /** The OpenID Connect login; null when none is offered. */
  private OidcLogin oidc;

  /**
   * @param user the bootstrap admin's name
   * @param password its password; null or blank makes a random one
   * @param clients who a request comes from, for the login lockout
   * @param store where accounts (and with PostgreSQL sessions and lockouts) live; null for none
   * @param oidcKey the key that signs OpenID Connect logins under way, read when one is offered
   */
  public StaffFeature(
      String user,
      String password,
      ClientAddress clients,
      Store store,
      Supplier<byte[]> oidcKey,
      Clock clock) {
    this.clock = clock;
    this.oidcKey = oidcKey;
    this.generatedPassword =
        password == null || password.isBlank() ? PasswordHash.randomPassword() : null;
    String secret = generatedPassword == null ? password : generatedPassword;
    Supplier<Map<String, PasswordHash>> users = () -> Map.of(user, PasswordHash.of(secret));
    // Named accounts live in the store; the settings' login stays a bootstrap admin. Replicas
    // share PostgreSQL, so sessions and lockouts live there; one process keeps them in memory.
    this.auth =
        StaffAuth.of(
            users,
            store == null ? null : new StaffAccounts(store.dataSource(), clock),
            hashes,
            clock,
            clients,
            store != null && store.vendor() == Vendor.POSTGRESQL ? store.dataSource() : null);
  }

  /** The password made up at start when none was configured (to show once), else null. */
  public String generatedPassword() {
    return generatedPassword;
  }

  /**
   * Offers the OpenID Connect login {@code settings} (nothing when it is off); call before the
   * routes are made. Discovery is tried at once: a provider that cannot be found is logged as an
   * error and its button stays off until it can.
   */
  public void useOidc(OidcSettings settings) {
    if (!settings.on()) {
      oidc = null;
      return;
    }
    oidc = new OidcLogin(settings, oidcKey.get(), clock);
    oidc.discover();
  }

  /** The cap on password hashes at once. */
  public HashGate hashes() {
    return hashes;
  }

  /**
   * The login with its guard (whose before-handlers must run before any other staff route's), then
   * the staff pages; logins are written to {@code audit}.
   */
  public List<Routes> routes(
      LoginAudit audit, KnowledgeFeature knowledge, int staleDays, ChatService chat) {
    return List.of(
        new StaffAccess(auth, oidc, audit),
        new StaffRoutes(
            knowledge.base(), knowledge.analysis(), knowledge.reloader(), staleDays, chat));
  }
}
