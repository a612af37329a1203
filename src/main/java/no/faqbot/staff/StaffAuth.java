package no.faqbot.staff;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import no.faqbot.web.ApiException;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the staff pages: users with slow-hashed passwords, form login with a session cookie
 * (HttpOnly, SameSite=Strict, Secure behind HTTPS) and a CSRF token per session, HTTP Basic for
 * scripts, and a lockout of client addresses that fail too often ({@link LoginThrottle}). A wrong
 * password and an unknown user cost the same one slow hash, so timing does not tell which names
 * exist.
 */
public final class StaffAuth {
  private static final Logger LOG = LoggerFactory.getLogger(StaffAuth.class);
  static final String COOKIE = "faqbot_staff";

  /** The answer while every hash permit is taken: try again in a second. */
  static final String BUSY = "too many logins at once; try again in a second";

  /** How much of a failed user name goes into the log. */
  private static final int LOGGED_USER_CHARS = 32;

  /** Hashed on first use: a slow hash at start would hold up the first answer for nothing. */
  private final Supplier<Map<String, PasswordHash>> hashUsers;

  private volatile Map<String, PasswordHash> users;

  /** Checked for unknown users, so they take as long as a wrong password. */
  private volatile PasswordHash dummy;

  /** Named accounts in the store; null without a store (only the bootstrap admins). */
  private final StaffAccounts accounts;

  private final HashGate gate;
  private final ClientAddress clients;
  private final FailedLogins throttle;
  private final Sessions sessions;
  private final java.security.SecureRandom random = new java.security.SecureRandom();
  private final AtomicLong hashes = new AtomicLong();

  /** A logged-in staff member and the token every form post must carry. */
  public record Session(String user, String csrf, Instant expires) {}

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
    this(
        users,
        null,
        HashGate.halfTheCores(),
        clients,
        new LoginThrottle(clock, maxClients),
        new StaffSessions(clock));
  }

  private StaffAuth(
      Supplier<Map<String, PasswordHash>> users,
      StaffAccounts accounts,
      HashGate gate,
      ClientAddress clients,
      FailedLogins throttle,
      Sessions sessions) {
    this.hashUsers = users;
    this.accounts = accounts;
    this.gate = gate;
    this.clients = clients;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  /**
   * The bootstrap admins {@code users} and the named {@code accounts} in the store, with at most
   * {@code gate}'s number of password hashes at once. With {@code shared} (the database several
   * replicas share) sessions and failed logins are kept there, so a login (and a lockout) on one
   * replica holds on all; without it, in this process's memory.
   */
  public static StaffAuth of(
      Supplier<Map<String, PasswordHash>> users,
      StaffAccounts accounts,
      HashGate gate,
      Clock clock,
      ClientAddress clients,
      DataSource shared) {
    return shared == null
        ? new StaffAuth(
            users,
            accounts,
            gate,
            clients,
            new LoginThrottle(clock, LoginThrottle.MAX_CLIENTS),
            new StaffSessions(clock))
        : new StaffAuth(
            users,
            accounts,
            gate,
            clients,
            new StoredLoginThrottle(shared, clock, LoginThrottle.MAX_CLIENTS),
            new StoredSessions(shared, clock));
  }

  /**
   * The bootstrap admins, hashed at the first use. That costs slow hashes (over a second on a cold
   * server), so it takes a permit of the cap on hashes at once: requests that come meanwhile are
   * turned away (503) instead of waiting on the lock. Waiting, 16 logins at once held every request
   * thread and chat waited a second behind them (issue 21, F10).
   *
   * @throws ApiException (503) when the cap on hashes at once is reached
   */
  private Map<String, PasswordHash> users() {
    Map<String, PasswordHash> known = users;
    if (known != null) {
      return known;
    }
    if (!gate.tryEnter()) {
      throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, BUSY);
    }
    try {
      synchronized (this) {
        if (users == null) {
          Map<String, PasswordHash> hashed = Map.copyOf(hashUsers.get());
          int iterations =
              hashed.values().stream()
                  .mapToInt(PasswordHash::iterations)
                  .max()
                  .orElse(PasswordHash.ITERATIONS);
          dummy = PasswordHash.of(PasswordHash.randomPassword(), iterations);
          users = hashed;
        }
        return users;
      }
    } finally {
      gate.leave();
    }
  }

  /** The client a request comes from, as the lockout knows it. */
  String client(Context ctx) {
    return clients.of(ctx);
  }

  /** How long {@code client} must wait before its next login; zero when it may try now. */
  Duration lockedFor(String client) {
    return throttle.waitFor(client);
  }

  /**
   * Checks a user and password with one slow hash whether or not the user exists; a failure counts
   * against {@code client} and is logged (address and a cut, printable user name).
   *
   * @throws ApiException (503) when the cap on hashes at once is reached (not a failure)
   */
  boolean check(String client, String user, String password) {
    Map<String, PasswordHash> known = users();
    PasswordHash hash = user == null ? null : known.get(user);
    if (hash == null && user != null) {
      hash = account(user).map(StaffAccount::hash).orElse(null);
    }
    if (!gate.tryEnter()) {
      throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, BUSY);
    }
    boolean matches;
    try {
      hashes.incrementAndGet();
      matches = (hash != null ? hash : dummy).matches(password);
    } finally {
      gate.leave();
    }
    boolean ok = hash != null && matches;
    if (ok) {
      throttle.succeeded(client);
    } else {
      Duration lock = throttle.failed(client);
      LOG.warn(
          "Staff login failed from {} for user '{}'{}",
          printable(client, 64),
          printable(user, LOGGED_USER_CHARS),
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
    if (users().containsKey(user)) {
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
        : account(claimValue.toLowerCase(java.util.Locale.ROOT));
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
    return users().keySet().stream().sorted().toList();
  }

  /** How many passwords were hashed to check a login (each check hashes exactly one). */
  long hashesComputed() {
    return hashes.get();
  }

  /** How slow the hash checked for unknown users is (as slow as the real users' own). */
  int standInIterations() {
    users();
    return dummy.iterations();
  }

  /** How many client addresses the lockout keeps. */
  int clientsTracked() {
    return throttle.size();
  }

  /**
   * Text a client chose, safe for one log line: cut short, controls and odd characters replaced.
   */
  static String printable(String text, int max) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > max ? text.substring(0, max) : text;
    String more = text.length() > max ? "…(" + text.length() + " chars)" : "";
    return cut.replaceAll("[^\\p{L}\\p{N} ._@:+\\-]", "?") + more;
  }

  /**
   * Compares tokens in constant time, so timing tells nothing about how much of a guess was right.
   */
  static boolean sameToken(String expected, String given) {
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  Session startSession(Context ctx, String user) {
    String id = sessions.open(user);
    boolean https =
        "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
            || "https".equalsIgnoreCase(ctx.scheme());
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "="
            + id
            + "; Path=/staff; HttpOnly; SameSite=Strict; Max-Age="
            + StaffSessions.LENGTH.toSeconds()
            + (https ? "; Secure" : ""));
    return sessions.get(id).orElseThrow();
  }

  void endSession(Context ctx) {
    sessions.end(ctx.cookie(COOKIE));
    ctx.header("Set-Cookie", COOKIE + "=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0");
  }

  /** The session of the request's cookie, if it is one of ours and still valid. */
  Optional<Session> session(Context ctx) {
    return sessions.get(ctx.cookie(COOKIE));
  }

  /** A fresh random token (for the login form's CSRF check). */
  String newToken() {
    return Sessions.token(random);
  }
}
