package no.faqbot.staff;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A global cap on password hashes computed at once. Each login or Basic request costs one slow
 * hash, on purpose; without a cap, many addresses sending wrong passwords at once would keep every
 * core hashing and slow the chat down. Over the cap a login is refused at once (503 with
 * Retry-After), not queued, and does not count as a failed login.
 */
public final class HashGate {
  private final Semaphore permits;
  private final int size;
  private final AtomicLong refused = new AtomicLong();

  /** At most {@code size} hashes at once. */
  public HashGate(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a hash gate needs at least 1 permit, got " + size);
    }
    this.size = size;
    this.permits = new Semaphore(size);
  }

  /**
   * One hash at a time per two cores (at least one): hashing can then never take more than half the
   * machine, and the chat keeps the other half.
   */
  public static HashGate halfTheCores() {
    return new HashGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /** Takes a permit when one is free now; false (and counted) when all are taken. */
  public boolean tryEnter() {
    if (permits.tryAcquire()) {
      return true;
    }
    refused.incrementAndGet();
    return false;
  }

  /** Gives back a permit taken by {@link #tryEnter}. */
  public void leave() {
    permits.release();
  }

  /** How many hashes may still start now. */
  public int available() {
    return permits.availablePermits();
  }

  public int size() {
    return size;
  }

  /** How many logins were refused because the cap was reached. */
  public long refused() {
    return refused.get();
  }
}
