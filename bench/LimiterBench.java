import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import no.faqbot.web.ClientLimiter;
import no.faqbot.web.RateLimit;

/**
 * In-process cost of the per-client limit check on the chat path, and the heap a full table of
 * clients takes. Run after `mvn package` with
 * {@code java -Xmx256m -XX:+UseParallelGC -cp target/faqbot.jar bench/LimiterBench.java}.
 */
public class LimiterBench {
  private static final RateLimit OUT_OF_REACH = new RateLimit(1_000_000, Duration.ofSeconds(1));
  private static final int MAX_CLIENTS = 20_000;

  public static void main(String[] args) throws Exception {
    String[] addresses = new String[1 << 20];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
    }
    ClientLimiter one = new ClientLimiter(OUT_OF_REACH, MAX_CLIENTS, System::nanoTime);
    System.out.printf("one client, one thread: %.0f ns per check%n", best(() -> one.acquire("127.0.0.1"), 2_000_000));
    ClientLimiter flood = new ClientLimiter(OUT_OF_REACH, MAX_CLIENTS, System::nanoTime);
    int[] next = {0};
    System.out.printf("a new client every check (table full, evicting): %.0f ns per check%n",
        best(() -> flood.acquire(addresses[next[0]++ & (addresses.length - 1)]), 1_000_000));
    System.out.printf("8 threads, one client: %.0f ns per check%n", contended(8, 1_000_000));
    long table = tableBytes(addresses);
    System.out.printf("heap for %,d tracked clients: %.1f MB (%.0f bytes each)%n", MAX_CLIENTS, table / 1e6,
        table / (double) MAX_CLIENTS);
  }

  private static double best(Runnable check, int n) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long started = System.nanoTime();
      for (int i = 0; i < n; i++) {
        check.run();
      }
      best = Math.min(best, (System.nanoTime() - started) / (double) n);
    }
    return best;
  }

  private static double contended(int threads, int n) throws InterruptedException {
    ClientLimiter shared = new ClientLimiter(OUT_OF_REACH, MAX_CLIENTS, System::nanoTime);
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      CountDownLatch done = new CountDownLatch(threads);
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        new Thread(() -> {
          for (int i = 0; i < n; i++) {
            shared.acquire("127.0.0.1");
          }
          done.countDown();
        }).start();
      }
      done.await();
      best = Math.min(best, (System.nanoTime() - started) / (double) (threads * (long) n));
    }
    return best;
  }

  /** Heap in use with a full table minus without, after GC; the address strings count (they are the keys). */
  private static long tableBytes(String[] addresses) {
    long before = used();
    ClientLimiter full = new ClientLimiter(OUT_OF_REACH, MAX_CLIENTS, System::nanoTime);
    for (int i = 0; i < MAX_CLIENTS - 1; i++) {
      full.acquire(new String(addresses[i]));
    }
    long after = used();
    if (full.trackedClients() < MAX_CLIENTS / 2) {
      throw new IllegalStateException("table not filled");
    }
    return after - before;
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
