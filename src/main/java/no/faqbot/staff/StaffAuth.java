package no.faqbot.staff;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import no.faqbot.web.ApiException;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the staff pages: users with slow-hashed passwords, sessions behind a cookie ({@link
 * StaffCookies}) with a CSRF token each, and a lockout of client addresses that fail too often
 * ({@link LoginThrottle}). A wrong password and an unknown user cost the same one slow hash, so
 * timing does not tell which names exist.
 */
public final class StaffAuth {
  private static final Logger LOG = LoggerFactory.getLogger(StaffAuth.class);

  /** How much of a failed user name goes into the log. */
  private static final int LOGGED_USER_CHARS = 32;

  private final Passwords passwords;

  /** Named accounts in the store; null without a store (only the bootstrap admins). */
  private final StaffAccounts accounts;

  private final ClientAddress clients;
  private final LoginMemory memory;

  /**
   * {@code users} (the bootstrap admins from the settings) is asked once, at the first login;
   * {@code clients} says whom a request comes from.
   */
  public StaffAuth(Supplier<Map<String, PasswordHash>> users, Clock clock, ClientAddress clients) {
    this(users, clock, clients, LoginThrottle.MAX_CLIENTS);
  }

  StaffAuth(
      Supplier<Map<String, PasswordHash>> users,
      Clock clock,
      ClientAddress clients,
      int maxClients) {
    this(users, null, HashGate.halfTheCores(), clients, LoginMemory.inProcess(clock, maxClients));
  }

  private StaffAuth(
      Supplier<Map<String, PasswordHash>> users,
      StaffAccounts accounts,
      HashGate gate,
      ClientAddress clients,
      LoginMemory memory) {
    this.passwords = new Passwords(users, gate);
    this.accounts = accounts;
    this.clients = clients;
    this.memory = memory;
  }

  /**
   * The bootstrap admins {@code users} and the named {@code accounts} in the store, with at most
   * {@code gate}'s number of password hashes at once. With {@code shared} (the database several
   * replicas share) sessions and failed logins are kept there; without it, in this process's
   * memory.
   */
  public static StaffAuth of(
      Supplier<Map<String, PasswordHash>> users,
      StaffAccounts accounts,
      HashGate gate,
      Clock clock,
      ClientAddress clients,
      DataSource shared) {
    LoginMemory memory =
        shared == null
            ? LoginMemory.inProcess(clock, LoginThrottle.MAX_CLIENTS)
            : LoginMemory.shared(shared, clock);
    return new StaffAuth(users, accounts, gate, clients, memory);
  }

  /** The client a request comes from, as the lockout knows it. */
  String client(Context ctx) {
    return clients.of(ctx);
  }

  /** How long {@code client} must wait before its next login; zero when it may try now. */
  Duration lockedFor(String client) {
    return memory.failures().waitFor(client);
  }

  /**
   * Checks a user and password with one slow hash whether or not the user exists; a failure counts
   * against {@code client} and is logged (address and a cut, printable user name).
   *
   * @throws ApiException (503) when the cap on hashes at once is reached (not a failure)
   */
  boolean check(String client, String user, String password) {
    PasswordHash hash = user == null ? null : passwords.admins().get(user);
    if (hash == null && user != null) {
      hash = account(user).map(StaffAccount::hash).orElse(null);
    }
    boolean ok = passwords.matches(hash, password);
    if (ok) {
      memory.failures().succeeded(client);
    } else {
      Duration lock = memory.failures().failed(client);
      LOG.warn(
          "Staff login failed from {} for user '{}'{}",
          LogText.printable(client, 64),
          LogText.printable(user, LOGGED_USER_CHARS),
          lock.isZero() ? "" : "; address locked out for " + lock.toSeconds() + " s");
    }
    return ok;
  }

  /**
   * The role of {@code user}: admin for a bootstrap login, else the named account's; empty when
   * there is no such person (any more).
   */
  Optional<StaffRole> role(String user) {
    if (user == null) {
      return Optional.empty();
    }
    if (passwords.admins().containsKey(user)) {
      return Optional.of(StaffRole.ADMIN);
    }
    return account(user).map(StaffAccount::role);
  }

  /**
   * The named account an OpenID Connect login vouched for: the one called {@code claimValue}, else
   * the one called its lower-case form (providers keep the case people typed their address in).
   * Never a bootstrap login: those are for passwords.
   */
  Optional<StaffAccount> namedAccount(String claimValue) {
    Optional<StaffAccount> exact = account(claimValue);
    return exact.isPresent() || claimValue == null
        ? exact
        : account(claimValue.toLowerCase(Locale.ROOT));
  }

  private Optional<StaffAccount> account(String user) {
    if (accounts == null) {
      return Optional.empty();
    }
    try {
      return accounts.find(user);
    } catch (SQLException e) {
      throw StoredSessions.unavailable(e);
    }
  }

  /** The named accounts, by name; none without a store. */
  List<StaffAccount> accounts() throws SQLException {
    return accounts == null ? List.of() : accounts.list();
  }

  /** The bootstrap logins' names (admins from the settings), sorted. */
  List<String> bootstrapUsers() {
    return passwords.admins().keySet().stream().sorted().toList();
  }

  /** How many passwords were hashed to check a login (each check hashes exactly one). */
  long hashesComputed() {
    return passwords.hashesComputed();
  }

  /** How slow the hash checked for unknown users is (as slow as the real users' own). */
  int standInIterations() {
    return passwords.standIn().iterations();
  }

  /** How many client addresses the lockout keeps. */
  int clientsTracked() {
    return memory.failures().size();
  }

  /** A new session for {@code user}, its cookie set on the answer. */
  void startSession(Context ctx, String user) {
    StaffCookies.session(ctx, memory.sessions().open(user));
  }

  void endSession(Context ctx) {
    memory.sessions().end(ctx.cookie(StaffCookies.SESSION));
    StaffCookies.endSession(ctx);
  }

  /** The session of the request's cookie, if it is one of ours and still valid. */
  Optional<Session> session(Context ctx) {
    return memory.sessions().get(ctx.cookie(StaffCookies.SESSION));
  }
}
