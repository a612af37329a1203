package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.faqbot.web.ApiException;
import no.faqbot.web.ClientAddress;
import org.junit.jupiter.api.Test;

/**
 * The login lockout and the password check, without HTTP (cheap hashes, a clock the test moves).
 */
class StaffAuthTest {
  /** A clock the test sets. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  final TestClock clock = new TestClock();

  private StaffAuth auth(int maxClients) {
    return new StaffAuth(
        () -> Map.of("anna", PasswordHash.of("riktig hest", 1)),
        clock,
        ClientAddress.direct(),
        maxClients);
  }

  @Test
  void thousands_of_failures_with_huge_user_names_from_many_addresses_leave_the_table_at_its_cap()
      throws Exception {
    StaffAuth auth = auth(500);
    String huge = "u".repeat(60 * 1024);
    String log =
        CapturedLog.of(
            () -> {
              for (int i = 0; i < 3_000; i++) {
                String client = "10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
                assertFalse(auth.check(client, huge + i, "password" + i));
              }
            });
    assertEquals(500, auth.clientsTracked(), "the table stops at its cap");
    assertEquals(
        3_000,
        log.lines().filter(l -> l.contains("Staff login failed from 10.")).count(),
        "one line per failure");
    assertTrue(log.lines().allMatch(l -> l.length() < 300), "user names are cut in the log");
    assertFalse(log.contains("password1"), "the password is never logged");
  }

  @Test
  void old_failures_are_forgotten_so_the_table_empties_again() throws Exception {
    StaffAuth auth = auth(500);
    CapturedLog.of(
        () -> {
          for (int i = 0; i < 100; i++) {
            auth.check("10.0.0." + i, "anna", "wrong");
          }
          clock.pass(LoginThrottle.FORGET.plusMinutes(1));
          auth.check("10.0.1.1", "anna", "wrong");
        });
    assertEquals(1, auth.clientsTracked());
  }

  @Test
  void each_failure_past_the_free_ones_doubles_the_lockout_and_a_success_clears_it()
      throws Exception {
    StaffAuth auth = auth(500);
    CapturedLog.of(
        () -> {
          for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            assertFalse(auth.check("10.0.0.1", "anna", "wrong"));
            assertEquals(Duration.ZERO, auth.lockedFor("10.0.0.1"));
          }
          auth.check("10.0.0.1", "anna", "wrong");
          assertEquals(LoginThrottle.FIRST_LOCK, auth.lockedFor("10.0.0.1"));
          assertEquals(Duration.ZERO, auth.lockedFor("10.0.0.2"), "other addresses are not locked");
          clock.pass(LoginThrottle.FIRST_LOCK);
          auth.check("10.0.0.1", "anna", "wrong");
          assertEquals(LoginThrottle.FIRST_LOCK.multipliedBy(2), auth.lockedFor("10.0.0.1"));
          for (int i = 0; i < 10; i++) {
            clock.pass(LoginThrottle.LONGEST_LOCK);
            auth.check("10.0.0.1", "anna", "wrong");
          }
          assertEquals(
              LoginThrottle.LONGEST_LOCK, auth.lockedFor("10.0.0.1"), "the lockout has a ceiling");
          clock.pass(LoginThrottle.LONGEST_LOCK);
          assertTrue(auth.check("10.0.0.1", "anna", "riktig hest"));
        });
    assertEquals(0, auth.clientsTracked(), "a success forgets the address");
  }

  @Test
  void unknown_users_cost_the_same_one_hash_as_a_wrong_password() throws Exception {
    StaffAuth auth = auth(500);
    CapturedLog.of(
        () -> {
          long before = auth.hashesComputed();
          auth.check("10.0.0.1", "anna", "wrong");
          assertEquals(before + 1, auth.hashesComputed(), "wrong password for a real user");
          auth.check("10.0.0.2", "nobody", "wrong");
          assertEquals(before + 2, auth.hashesComputed(), "unknown user");
          auth.check("10.0.0.3", "nobody", null);
          auth.check("10.0.0.4", "anna", null);
          assertEquals(before + 4, auth.hashesComputed(), "no password at all");
        });
  }

  @Test
  void logins_during_the_first_hashing_are_turned_away_at_once_not_queued_on_it() throws Exception {
    // The first use hashes the bootstrap passwords (over a second on a cold server); here it waits
    // until the test lets it go.
    CountDownLatch hashing = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    HashGate gate = new HashGate(1);
    StaffAuth auth =
        StaffAuth.of(
            () -> {
              hashing.countDown();
              try {
                done.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Map.of("anna", PasswordHash.of("riktig hest", 1));
            },
            null,
            gate,
            clock,
            ClientAddress.direct(),
            null);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> firstLogin =
          first.submit(() -> auth.check("10.0.0.1", "anna", "riktig hest"));
      assertTrue(hashing.await(5, TimeUnit.SECONDS));
      // Waiting on the first hashing would hold a request thread each; 16 at once held them all.
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> assertThrows(ApiException.class, () -> auth.check("10.0.0.2", "anna", "wrong")));
      assertEquals(1, gate.refused(), "counted as turned away by the cap");
      done.countDown();
      assertTrue(firstLogin.get(5, TimeUnit.SECONDS));
      assertEquals(1, gate.available(), "the permit is given back");
      CapturedLog.of(() -> assertFalse(auth.check("10.0.0.2", "anna", "wrong")));
      assertEquals(1, gate.refused(), "once hashed, a login is checked");
    } finally {
      first.shutdownNow();
    }
  }

  @Test
  void the_stand_in_hash_for_unknown_users_is_as_slow_as_the_real_ones() throws Exception {
    StaffAuth auth =
        new StaffAuth(
            () -> Map.of("anna", PasswordHash.of("x", 1_234)), clock, ClientAddress.direct());
    CapturedLog.of(() -> auth.check("10.0.0.1", "nobody", "x"));
    assertEquals(1_234, auth.standInIterations());
  }

  @Test
  void log_lines_carry_only_printable_cut_user_names() {
    assertEquals("anna", LogText.printable("anna", 32));
    assertEquals("a?b?c", LogText.printable("a\nb\rc", 32));
    assertEquals("xxxx…(10 chars)", LogText.printable("x".repeat(10), 4));
    assertTrue(Csrf.same("abc", "abc"));
    assertFalse(Csrf.same("abc", "abd"));
    assertFalse(Csrf.same(null, "abc"));
  }

  @Test
  void the_session_table_is_bounded_and_drops_the_sessions_that_end_soonest() {
    StaffSessions sessions = new StaffSessions(clock);
    String first = sessions.open("anna");
    clock.pass(Duration.ofMinutes(1));
    String last = null;
    for (int i = 0; i < StaffSessions.MAX + 50; i++) {
      last = sessions.open("anna");
    }
    assertEquals(StaffSessions.MAX, sessions.size());
    assertTrue(sessions.get(first).isEmpty(), "the oldest went first");
    assertTrue(sessions.get(last).isPresent(), "the newest stays");
    clock.pass(StaffSessions.LENGTH.plusMinutes(5));
    sessions.open("anna");
    assertEquals(1, sessions.size(), "a full table of ended sessions is cleared at once");
    assertTrue(sessions.get(last).isEmpty(), "sessions end");
  }
}
