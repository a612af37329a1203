package no.faqbot.staff;

import java.util.Map;
import java.util.function.Supplier;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;

/**
 * The admins from the settings, hashed at their first use (a slow hash at start would hold up the
 * first answer for nothing), and the stand-in hash checked for unknown users, as slow as theirs.
 */
final class BootstrapUsers {
  /** The answer while every hash permit is taken: try again in a second. */
  static final String BUSY = "too many logins at once; try again in a second";

  private final Supplier<Map<String, PasswordHash>> hash;
  private final HashGate gate;
  private volatile Map<String, PasswordHash> users;
  private volatile PasswordHash standIn;

  BootstrapUsers(Supplier<Map<String, PasswordHash>> hash, HashGate gate) {
    this.hash = hash;
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
  Map<String, PasswordHash> get() {
    Map<String, PasswordHash> known = users;
    if (known != null) {
      return known;
    }
    enter(gate);
    try {
      synchronized (this) {
        if (users == null) {
          Map<String, PasswordHash> hashed = Map.copyOf(hash.get());
          int iterations =
              hashed.values().stream()
                  .mapToInt(PasswordHash::iterations)
                  .max()
                  .orElse(PasswordHash.ITERATIONS);
          standIn = PasswordHash.of(PasswordHash.randomPassword(), iterations);
          users = hashed;
        }
        return users;
      }
    } finally {
      gate.leave();
    }
  }

  /** The hash checked for a user who does not exist, so that takes as long as a wrong password. */
  PasswordHash standIn() {
    get();
    return standIn;
  }

  /**
   * Takes one of {@code gate}'s permits.
   *
   * @throws ApiException (503) when none is free now
   */
  static void enter(HashGate gate) {
    if (!gate.tryEnter()) {
      throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, BUSY);
    }
  }
}
