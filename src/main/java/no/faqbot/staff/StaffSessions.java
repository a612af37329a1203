package no.faqbot.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in staff sessions by random id. Sessions come only from real logins, but the table is
 * bounded all the same: when it is full, ended sessions go first, then those that end soonest.
 */
final class StaffSessions implements Sessions {
  static final Duration LENGTH = Duration.ofHours(8);
  static final int MAX = 1_000;

  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  StaffSessions(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized String open(String user) {
    makeRoom();
    String id = Tokens.fresh();
    sessions.put(id, new Session(user, Tokens.fresh(), clock.instant().plus(LENGTH)));
    return id;
  }

  @Override
  public Optional<Session> get(String id) {
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

  @Override
  public void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  @Override
  public int size() {
    return sessions.size();
  }

  private void makeRoom() {
    if (sessions.size() < MAX) {
      return;
    }
    Instant now = clock.instant();
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    while (sessions.size() >= MAX) {
      sessions.entrySet().stream()
          .min(Comparator.comparing((Map.Entry<String, Session> e) -> e.getValue().expires()))
          .ifPresent(e -> sessions.remove(e.getKey()));
    }
  }
}
