package no.faqbot.store;

import java.time.Duration;

/**
 * Which database holds events and shared state.
 *
 * @param url a PostgreSQL JDBC URL ({@code FAQBOT_DATABASE_URL}); null or blank uses the embedded
 *     file {@code faqbot.db} in the data folder
 * @param user its user ({@code FAQBOT_DATABASE_USER})
 * @param password its password ({@code FAQBOT_DATABASE_PASSWORD})
 * @param startWait how long opening keeps trying to reach that PostgreSQL (Hikari tries once a
 *     second) before the start stops; {@link #START_WAIT} unless a test needs it short
 */
public record StoreSettings(String url, String user, String password, Duration startWait) {
  /**
   * A PostgreSQL started together with faqbot gets this long to take connections: the six seconds
   * the three tries with their pauses used to take.
   */
  public static final Duration START_WAIT = Duration.ofSeconds(6);

  public static final StoreSettings EMBEDDED = new StoreSettings(null, null, null);

  public StoreSettings {
    if (url != null && !url.isBlank() && !url.strip().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "FAQBOT_DATABASE_URL must be a PostgreSQL JDBC URL"
              + " (jdbc:postgresql://host:5432/db), got '"
              + url.strip()
              + "'");
    }
    if (startWait == null || startWait.toMillis() < 1) {
      throw new IllegalArgumentException("startWait must be at least 1 ms, got " + startWait);
    }
  }

  public StoreSettings(String url, String user, String password) {
    this(url, user, password, START_WAIT);
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return embedded() ? "embedded" : url.strip() + (user == null ? "" : " as " + user);
  }
}
