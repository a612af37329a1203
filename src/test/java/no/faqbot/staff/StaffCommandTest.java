package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.faqbot.CliRun;
import no.faqbot.store.PostgresDatabase;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import no.faqbot.web.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faqbot staff add|list|role|remove} on the embedded store and on PostgreSQL. */
class StaffCommandTest {
  @TempDir Path data;

  private static CliRun run(Map<String, String> env, String... args) {
    return CliRun.of(env, args);
  }

  @Test
  void accounts_are_added_listed_changed_and_removed_in_the_embedded_store() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("FAQBOT_DATA", data.toString()));
    env.put("NEW_PASSWORD", "et langt nok passord");
    CliRun added =
        run(env, "staff", "add", "eva", "--role", "editor", "--password-env", "NEW_PASSWORD");
    assertEquals(0, added.code(), added.err());
    assertEquals("added eva as editor\n", added.out());

    CliRun generated = run(env, "staff", "add", "otto");
    assertEquals(0, generated.code(), generated.err());
    Matcher shown = Pattern.compile("password: (\\S+)\n").matcher(generated.out());
    assertTrue(shown.find(), generated.out());

    try (Store store = Store.open(StoreSettings.EMBEDDED, data)) {
      StaffAccounts accounts = new StaffAccounts(store.dataSource(), Clock.systemUTC());
      StaffAccount eva = accounts.find("eva").orElseThrow();
      assertEquals(StaffRole.EDITOR, eva.role());
      assertTrue(eva.hash().matches("et langt nok passord"));
      StaffAccount otto = accounts.find("otto").orElseThrow();
      assertEquals(StaffRole.AGENT, otto.role(), "agent is the default role");
      assertTrue(otto.hash().matches(shown.group(1)));
    }

    CliRun list = run(env, "staff", "list");
    assertTrue(
        list.out().matches("(?s)name +role +created\neva +editor +20.*\notto +agent +20.*"),
        list.out());
    assertFalse(list.out().contains("pbkdf2"), "the list shows no hashes");

    assertEquals(0, run(env, "staff", "role", "otto", "admin").code());
    assertTrue(run(env, "staff", "list").out().matches("(?s).*otto +admin.*"));
    assertEquals(0, run(env, "staff", "remove", "eva").code());
    assertFalse(run(env, "staff", "list").out().contains("eva"));
  }

  @Test
  void mistakes_are_one_line_each() {
    Map<String, String> env = Map.of("FAQBOT_DATA", data.toString(), "SHORT", "kort");
    assertTrue(run(env, "staff", "add", "a b").err().contains("a staff name is 1 to 64"));
    assertTrue(
        run(env, "staff", "add", "eva", "--role", "boss").err().contains("unknown role 'boss'"));
    assertTrue(
        run(env, "staff", "add", "eva", "--password-env", "SHORT").err().contains("at least 12"));
    assertTrue(run(env, "staff", "add", "staff").err().contains("FAQBOT_STAFF_USER"));
    assertTrue(run(env, "staff", "remove", "nobody").err().contains("no staff account 'nobody'"));
    assertTrue(run(env, "staff", "fire", "eva").err().contains("unknown action 'fire'"));
    CliRun twice = run(env, "staff", "add", "eva");
    assertEquals(0, twice.code(), twice.err());
    CliRun again = run(env, "staff", "add", "eva");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already a staff account 'eva'"), again.err());
  }

  @Test
  void accounts_live_in_postgresql_when_it_is_configured() throws Exception {
    try (PostgresDatabase db = PostgresDatabase.createOrSkip()) {
      Map<String, String> env =
          Map.of(
              "FAQBOT_DATABASE_URL", db.url(),
              "FAQBOT_DATABASE_USER", "postgres",
              "PW", "et langt nok passord");
      CliRun added = run(env, "staff", "add", "ada", "--role", "admin", "--password-env", "PW");
      assertEquals(0, added.code(), added.err());
      assertEquals(0, run(env, "staff", "role", "ada", "editor").code());
      try (Store store = Store.open(db.settings(), data)) {
        StaffAccount ada =
            new StaffAccounts(store.dataSource(), Clock.systemUTC()).find("ada").orElseThrow();
        assertEquals(StaffRole.EDITOR, ada.role());
        assertTrue(ada.hash().matches("et langt nok passord"));
      }
      assertEquals(0, run(env, "staff", "remove", "ada").code());
      assertFalse(run(env, "staff", "list").out().contains("ada"));
    }
  }
}
