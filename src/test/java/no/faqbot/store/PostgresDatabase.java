package no.faqbot.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, randomly named database on the local PostgreSQL (127.0.0.1:5432, trust auth), dropped on
 * close. Where PostgreSQL is absent the test is skipped with a notice, unless {@code CI=true}.
 */
public final class PostgresDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = "postgres";

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  public static PostgresDatabase createOrSkip() {
    String name = "faqbot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(SERVER + "test", USER, null);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL at 127.0.0.1:5432 is required under CI=true: " + e.getMessage(), e);
      }
      System.err.println(
          "NOTICE: PostgreSQL tests skipped, no PostgreSQL at 127.0.0.1:5432 ("
              + e.getMessage()
              + ")");
      Assumptions.abort("no PostgreSQL at 127.0.0.1:5432");
    }
    return new PostgresDatabase(name);
  }

  public String url() {
    return SERVER + name;
  }

  public StoreSettings settings() {
    return new StoreSettings(url(), USER, null);
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "test", USER, null);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
