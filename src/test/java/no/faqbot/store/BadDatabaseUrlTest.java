package no.faqbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.Fixtures;
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
                  Fixtures.content("good", tmp).toString(),
                  "--index",
                  tmp.resolve("index").toString()
                });
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The one test that waits the real {@link StoreSettings#START_WAIT}: a start is that patient. */
  @Test
  void an_unreachable_postgres_stops_the_start_after_the_wait() {
    long started = System.nanoTime();
    String err =
        serve(
            Map.of(
                "FAQBOT_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/faqbot",
                "FAQBOT_DATA",
                tmp.resolve("data").toString()));
    long waited = (System.nanoTime() - started) / 1_000_000;
    assertTrue(
        err.startsWith(
            "faqbot serve: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/faqbot within"
                + " 6 s: Connection refused"),
        err);
    assertTrue(
        waited >= StoreSettings.START_WAIT.toMillis(), "gave up after " + waited + " ms, too soon");
    assertFalse(
        Files.exists(tmp.resolve("data").resolve(Store.FILE)), "no fall-back to the embedded file");
  }

  @Test
  void postgres_connections_have_timeouts_unless_the_url_sets_its_own() {
    for (String name : List.of("connectTimeout", "loginTimeout", "socketTimeout")) {
      int seconds = Integer.parseInt(Store.POSTGRES_DEFAULTS.get(name));
      assertTrue(seconds > 0 && seconds <= 60, name + " = " + seconds);
    }
  }

  @Test
  void a_url_that_is_not_postgres_names_the_variable() {
    String err = serve(Map.of("FAQBOT_DATABASE_URL", "sqlite:/tmp/x.db"));
    assertTrue(err.contains("FAQBOT_DATABASE_URL must be a PostgreSQL JDBC URL"), err);
  }
}
