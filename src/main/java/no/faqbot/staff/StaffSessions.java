package no.faqbot.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in staff sessions by random id. Sessions come only from real logins, but the table is
 * bounded all the same: when it is full, ended sessions go first, then those that end soonest.
 */
final class StaffSessions {
  static final Duration LENGTH = Duration.ofHours(8);
  static final int MAX = 1_000;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, StaffAuth.Session> sessions = new ConcurrentHashMap<>();

  StaffSessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code user}; its id (the cookie's value). */
  synchronized String open(String user) {
    makeRoom();
    String id = token();
    sessions.put(id, new StaffAuth.Session(user, token(), clock.instant().plus(LENGTH)));
    return id;
  }

  /** The session with this id, if it is one of ours and still valid. */
  Optional<StaffAuth.Session> get(String id) {
    StaffAuth.Session s = id == null ? null : sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (s.expires().isBefore(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  int size() {
    return sessions.size();
  }

  /** A fresh random token: session ids, CSRF tokens. */
  String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void makeRoom() {
    if (sessions.size() < MAX) {
      return;
    }
    Instant now = clock.instant();
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    while (sessions.size() >= MAX) {
      sessions.entrySet().stream()
          .min(Comparator.comparing((Map.Entry<String, StaffAuth.Session> e) -> e.getValue().expires()))
          .ifPresent(e -> sessions.remove(e.getKey()));
    }
  }
}
