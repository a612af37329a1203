package no.faqbot.staff;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the staff pages: users with slow-hashed passwords, form login with a session cookie
 * (HttpOnly, SameSite=Strict, Secure behind HTTPS) and a CSRF token per session, HTTP Basic for
 * scripts, and a limit on failed logins.
 */
public final class StaffAuth {
  static final String COOKIE = "faqbot_staff";
  private static final Duration SESSION = Duration.ofHours(8);
  private static final int MAX_FAILURES = 5;
  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  /** Hashed on first use: a slow hash at start would hold up the first answer for nothing. */
  private final Supplier<Map<String, PasswordHash>> hashUsers;
  private volatile Map<String, PasswordHash> users;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

  /** A logged-in staff member and the token every form post must carry. */
  public record Session(String user, String csrf, Instant expires) {}

  /** {@code users} is asked once, at the first login. */
  public StaffAuth(Supplier<Map<String, PasswordHash>> users, Clock clock) {
    this.hashUsers = users;
    this.clock = clock;
  }

  private Map<String, PasswordHash> users() {
    Map<String, PasswordHash> known = users;
    if (known == null) {
      synchronized (this) {
        if (users == null) {
          users = Map.copyOf(hashUsers.get());
        }
        known = users;
      }
    }
    return known;
  }

  /** A password for when none is configured. */
  public static String randomPassword() {
    return PasswordHash.randomPassword();
  }

  /** Whether {@code key} (address and user) has failed too often lately. */
  boolean limited(String key) {
    ArrayDeque<Instant> times = failures.get(key);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      Instant cutoff = clock.instant().minus(FAILURE_WINDOW);
      while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
        times.pollFirst();
      }
      return times.size() >= MAX_FAILURES;
    }
  }

  /** Checks a user and password; counts a failure against {@code key}. */
  boolean check(String key, String user, String password) {
    PasswordHash hash = user == null ? null : users().get(user);
    boolean ok = hash != null && hash.matches(password);
    if (!ok) {
      ArrayDeque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        times.addLast(clock.instant());
      }
    }
    return ok;
  }

  Session startSession(Context ctx, String user) {
    String id = token();
    Session session = new Session(user, token(), clock.instant().plus(SESSION));
    sessions.put(id, session);
    boolean https = "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equalsIgnoreCase(ctx.scheme());
    ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/staff; HttpOnly; SameSite=Strict; Max-Age="
        + SESSION.toSeconds() + (https ? "; Secure" : ""));
    return session;
  }

  void endSession(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null) {
      sessions.remove(id);
    }
    ctx.header("Set-Cookie", COOKIE + "=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0");
  }

  /** The session of the request's cookie, if it is one of ours and still valid. */
  Optional<Session> session(Context ctx) {
    String id = ctx.cookie(COOKIE);
    Session s = id == null ? null : sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (s.expires().isBefore(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** The user of a valid {@code Authorization: Basic} header, for scripts. */
  Optional<String> basicUser(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String key = ctx.ip() + "|" + user;
    if (limited(key) || !check(key, user, decoded.substring(colon + 1))) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  /** A fresh random token (for the login form's CSRF check). */
  String newToken() {
    return token();
  }

  private String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
