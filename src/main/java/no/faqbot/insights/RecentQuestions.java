package no.faqbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.store.Store;

/** The distinct messages merchants asked recently (as stored: secrets already removed). */
public final class RecentQuestions {
  private RecentQuestions() {}

  /** A message and its language. */
  public record Asked(String message, String lang) {}

  /**
   * Up to {@code limit} distinct chat messages asked since {@code from} (epoch millis), newest
   * first.
   */
  public static List<Asked> since(Store store, long from, int limit) throws SQLException {
    List<Asked> asked = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT message, lang, MAX(at) AS last FROM events WHERE kind = 'turn'"
                    + " AND message IS NOT NULL AND at >= ? GROUP BY message, lang"
                    + " ORDER BY last DESC LIMIT ?")) {
      s.setLong(1, from);
      s.setInt(2, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          asked.add(new Asked(r.getString(1), r.getString(2) == null ? "nb" : r.getString(2)));
        }
      }
    }
    return asked;
  }
}
