package no.faqbot.staff;

import java.time.Duration;

/**
 * Failed staff logins per client address and the lockouts they earn ({@link LoginThrottle} for the
 * rules): in memory for one process, in the shared database ({@link StoredLoginThrottle}) when
 * replicas share PostgreSQL, so a guesser cannot multiply its tries by the number of replicas.
 */
interface FailedLogins {
  /** How long {@code client} must still wait before its next try; zero when it may try now. */
  Duration waitFor(String client);

  /**
   * Counts a failure of {@code client}; returns the lockout it starts (zero while failures are
   * free).
   */
  Duration failed(String client);

  /** A successful login forgets the address's failures. */
  void succeeded(String client);

  /** How many addresses are tracked. */
  int size();
}
