package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client bucket on a clock the test moves. */
class ClientLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private ClientLimiter limiter(String spec, int maxClients) {
    return new ClientLimiter(RateLimit.parse("FAQBOT_LIMIT_TEST", spec), maxClients, now::get);
  }

  @Test
  void a_client_may_spend_its_burst_then_waits_for_one_interval() {
    ClientLimiter limiter = limiter("5/10min", 100);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, limiter.acquire("a"), "request " + i);
    }
    long wait = limiter.acquire("a");
    assertEquals(Duration.ofMinutes(2).toNanos(), wait);
    assertEquals(0, limiter.acquire("b"), "another client has its own bucket");
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    assertEquals(0, limiter.acquire("a"));
    assertTrue(limiter.acquire("a") > 0);
    now.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 5; i++) {
      assertEquals(0, limiter.acquire("a"), "refilled, but never beyond the burst: " + i);
    }
    assertTrue(limiter.acquire("a") > 0);
  }

  @Test
  void a_flood_of_distinct_clients_keeps_the_table_bounded() {
    ClientLimiter limiter = limiter("60/min", 1_000);
    for (int i = 0; i < 200_000; i++) {
      limiter.acquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
      assertTrue(
          limiter.trackedClients() <= 1_000, "tracked " + limiter.trackedClients() + " after " + i);
    }
  }

  @Test
  void idle_clients_are_forgotten_first() {
    ClientLimiter limiter = limiter("2/min", 4);
    for (int i = 0; i < 2; i++) {
      limiter.acquire("busy");
    }
    limiter.acquire("idle-1");
    limiter.acquire("idle-2");
    now.addAndGet(Duration.ofSeconds(31).toNanos()); // the idle ones are full again, "busy" is not
    assertEquals(0, limiter.acquire("busy"), "one request came back in 31 s");
    limiter.acquire("new-1");
    limiter.acquire("new-2");
    assertTrue(limiter.acquire("busy") > 0, "the busy client is still held to its limit");
  }

  @Test
  void limits_are_parsed_with_the_variable_named_in_errors() {
    assertEquals(new RateLimit(60, Duration.ofMinutes(1)), RateLimit.parse("X", "60/min"));
    assertEquals(new RateLimit(5, Duration.ofMinutes(10)), RateLimit.parse("X", " 5 / 10min "));
    assertEquals(new RateLimit(1000, Duration.ofHours(1)), RateLimit.parse("X", "1000/h"));
    assertTrue(RateLimit.parse("X", "OFF").isOff());
    for (String bad :
        new String[] {"", "60", "60/fortnight", "0/min", "-1/min", "many/min", "5/0min"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> RateLimit.parse("FAQBOT_LIMIT_CHAT", bad), bad);
      assertTrue(e.getMessage().startsWith("FAQBOT_LIMIT_CHAT: '" + bad + "'"), e.getMessage());
    }
  }
}
