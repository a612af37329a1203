package no.faqbot.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Random secrets made once and kept in the store, so every replica sharing it signs with the same
 * key without an operator copying one around. The first replica to ask inserts; the others (even at
 * the same moment) read what won.
 */
public final class SharedSecrets {
  private static final int BYTES = 32;

  private final Store store;
  private final SecureRandom random = new SecureRandom();

  public SharedSecrets(Store store) {
    this.store = store;
  }

  /** The secret called {@code name}, made now if there is none yet. */
  public byte[] get(String name) {
    byte[] fresh = new byte[BYTES];
    random.nextBytes(fresh);
    try (Connection c = store.connection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO shared_secrets (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        insert.setString(1, name);
        insert.setString(2, Base64.getEncoder().encodeToString(fresh));
        insert.executeUpdate();
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT secret FROM shared_secrets WHERE name = ?")) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw new StoreUnavailableException(
                "the shared secret '" + name + "' vanished from " + store.description(), null);
          }
          return Base64.getDecoder().decode(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "cannot read the shared secret '"
              + name
              + "' from "
              + store.description()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
