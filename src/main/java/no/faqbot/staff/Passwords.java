package no.faqbot.staff;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;

/**
 * Password checks under the cap on slow hashes at once ({@link HashGate}): the admins from the
 * settings, hashed at their first use (a slow hash at start would hold up the first answer for
 * nothing), and the stand-in hash checked for unknown users, as slow as theirs.
 */
final class Passwords {
  /** The answer while every hash permit is taken: try again in a second. */
  static final String BUSY = "too many logins at once; try again in a second";

  private final Supplier<Map<String, PasswordHash>> hash;
  private final HashGate gate;
  private final AtomicLong hashes = new AtomicLong();
  private volatile Map<String, PasswordHash> admins;
  private volatile PasswordHash standIn;

  Passwords(Supplier<Map<String, PasswordHash>> admins, HashGate gate) {
    this.hash = admins;
    this.gate = gate;
  }

  /**
   * The admins by name. The first call costs slow hashes (over a second on a cold server), so it
   * takes a permit of the cap on hashes at once: requests that come meanwhile are turned away (503)
   * instead of waiting on the lock. Waiting, 16 logins at once held every request thread and chat
   * waited a second behind them (issue 21, F10).
   *
   * @throws ApiException (503) when the cap on hashes at once is reached
   */
  Map<String, PasswordHash> admins() {
    Map<String, PasswordHash> known = admins;
    if (known != null) {
      return known;
    }
    enter();
    try {
      synchronized (this) {
        if (admins == null) {
          Map<String, PasswordHash> hashed = Map.copyOf(hash.get());
          int iterations =
              hashed.values().stream()
                  .mapToInt(PasswordHash::iterations)
                  .max()
                  .orElse(PasswordHash.ITERATIONS);
          standIn = PasswordHash.of(PasswordHash.randomPassword(), iterations);
          admins = hashed;
        }
        return admins;
      }
    } finally {
      gate.leave();
    }
  }

  /**
   * Whether {@code password} matches {@code hash}; with one slow hash all the same when there is no
   * such user ({@code hash} null), so timing does not tell which names exist.
   *
   * @throws ApiException (503) when the cap on hashes at once is reached
   */
  boolean matches(PasswordHash hash, String password) {
    PasswordHash checked = hash != null ? hash : standIn();
    enter();
    try {
      hashes.incrementAndGet();
      return checked.matches(password) && hash != null;
    } finally {
      gate.leave();
    }
  }

  /** The hash checked for a user who does not exist. */
  PasswordHash standIn() {
    admins();
    return standIn;
  }

  /** How many passwords were hashed to check a login (each check hashes exactly one). */
  long hashesComputed() {
    return hashes.get();
  }

  private void enter() {
    if (!gate.tryEnter()) {
      throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, BUSY);
    }
  }
}
