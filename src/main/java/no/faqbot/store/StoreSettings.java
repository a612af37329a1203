package no.faqbot.store;

/**
 * Which database holds events and shared state.
 *
 * @param url a PostgreSQL JDBC URL ({@code FAQBOT_DATABASE_URL}); null or blank uses the embedded
 *     file {@code faqbot.db} in the data folder
 * @param user its user ({@code FAQBOT_DATABASE_USER})
 * @param password its password ({@code FAQBOT_DATABASE_PASSWORD})
 */
public record StoreSettings(String url, String user, String password) {
  public static final StoreSettings EMBEDDED = new StoreSettings(null, null, null);

  public StoreSettings {
    if (url != null && !url.isBlank() && !url.strip().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "FAQBOT_DATABASE_URL must be a PostgreSQL JDBC URL"
              + " (jdbc:postgresql://host:5432/db), got '"
              + url.strip()
              + "'");
    }
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
