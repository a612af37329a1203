package no.faqbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.faqbot.cli.Cli;
import no.faqbot.cli.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faqbot serve} with a database it cannot use stops with one clear line, never serving
 * without it.
 */
class BadDatabaseUrlTest {
  @TempDir Path tmp;

  private String serve(Map<String, String> env) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Cli(
                Commands.all(),
                env,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(
                new String[] {
                  "serve",
                  "--port",
                  "0",
                  "--content",
                  "content",
                  "--index",
                  tmp.resolve("index").toString()
                });
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void an_unreachable_postgres_stops_the_start() {
    String err =
        serve(
            Map.of(
                "FAQBOT_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/faqbot",
                "FAQBOT_DATA",
                tmp.resolve("data").toString()));
    assertTrue(
        err.startsWith(
            "faqbot serve: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/faqbot"),
        err);
    assertFalse(
        Files.exists(tmp.resolve("data").resolve(Store.FILE)), "no fall-back to the embedded file");
  }

  @Test
  void a_url_that_is_not_postgres_names_the_variable() {
    String err = serve(Map.of("FAQBOT_DATABASE_URL", "sqlite:/tmp/x.db"));
    assertTrue(err.contains("FAQBOT_DATABASE_URL must be a PostgreSQL JDBC URL"), err);
  }
}
