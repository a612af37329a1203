package no.faqbot.cases;

import java.time.Duration;

/**
 * How long a delivery waits after its {@code n}th failed try, and after how many it gives up.
 *
 * @param first the wait after the first failure; each next one doubles, up to {@code longest}
 */
public record Backoff(Duration first, Duration longest, int maxAttempts) {
  /** Half a minute, doubling to an hour, 40 tries: a helpdesk may be down for a day and a half. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 40);

  public Backoff {
    if (first.isNegative() || longest.compareTo(first) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("a backoff needs 0 <= first <= longest and a try or more");
    }
  }

  /** The wait after {@code failures} failed tries (1 or more). */
  public Duration after(int failures) {
    Duration wait = first;
    for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
