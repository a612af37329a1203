package no.faqbot.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed staff logins per client address: a few are free, then each further failure locks the
 * address out for twice as long as the one before. Keyed by address only, never by user name, so
 * nobody can lock the real staff user out from elsewhere, and nothing a client types is kept. The
 * table is bounded: entries are forgotten an hour after their last failure or lock, and when it is
 * full the address that failed least recently makes room.
 */
final class LoginThrottle implements FailedLogins {
  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final Duration FORGET = Duration.ofHours(1);
  static final int MAX_CLIENTS = 10_000;

  /** Longer keys are not addresses; cut so the key's size never depends on what a client sends. */
  private static final int MAX_KEY = 64;

  private final Clock clock;
  private final int capacity;

  /** Least recently failed first: a failure moves its address to the end. */
  private final Map<String, Failures> byClient = new LinkedHashMap<>();

  private static final class Failures {
    int count;
    Instant last;
    Instant lockedUntil;

    Instant forgetAt() {
      return (lockedUntil != null && lockedUntil.isAfter(last) ? lockedUntil : last).plus(FORGET);
    }
  }

  LoginThrottle(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public synchronized Duration waitFor(String client) {
    Failures f = byClient.get(key(client));
    Instant now = clock.instant();
    if (f == null || f.lockedUntil == null || !f.lockedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.lockedUntil);
  }

  @Override
  public synchronized Duration failed(String client) {
    Instant now = clock.instant();
    forgetExpired(now);
    String key = key(client);
    Failures f = byClient.remove(key);
    if (f == null || !f.forgetAt().isAfter(now)) {
      f = new Failures();
      if (byClient.size() >= capacity) {
        Iterator<String> eldest = byClient.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    f.count++;
    f.last = now;
    Duration lock = lockAfter(f.count);
    if (!lock.isZero()) {
      f.lockedUntil = now.plus(lock);
    }
    byClient.put(key, f);
    return lock;
  }

  @Override
  public synchronized void succeeded(String client) {
    byClient.remove(key(client));
  }

  @Override
  public synchronized int size() {
    return byClient.size();
  }

  /**
   * The lockout that the {@code count}th failure in a row starts: zero while failures are free,
   * then doubling.
   */
  static Duration lockAfter(int count) {
    if (count < FREE_FAILURES) {
      return Duration.ZERO;
    }
    Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(count - FREE_FAILURES, 20));
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }

  /** Drops entries from the least recently failed end while they are past their time. */
  private void forgetExpired(Instant now) {
    Iterator<Failures> it = byClient.values().iterator();
    while (it.hasNext()) {
      if (it.next().forgetAt().isAfter(now)) {
        return;
      }
      it.remove();
    }
  }

  static String key(String client) {
    String c = client == null ? "" : client;
    return c.length() > MAX_KEY ? c.substring(0, MAX_KEY) : c;
  }
}
