import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import no.faqbot.privacy.Redactor;

/**
 * Time to redact texts that made the old regex rules quadratic ("tokentoken…", long identifiers,
 * many labels without values) at growing lengths: linear time means the time per character stays
 * flat as the text grows. Run after `mvn package` with
 * {@code java -Xmx256m -XX:+UseParallelGC -cp target/faqbot.jar bench/RedactBench.java}.
 */
public class RedactBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private static final List<String> UNITS =
      List.of(
          "token",
          "password_",
          "passordet er ",
          "K123456_a ",
          "4111 ",
          "a:b",
          "Bearer ",
          "basic aaaa",
          "-----BEGIN RSA PRIVATE KEY-----",
          "Hei, jeg lurer på hvordan jeg oppgraderer pluginen. ");

  public static void main(String[] args) {
    Redactor redactor = new Redactor();
    // warm up every rule on every text first: the JIT compiles the regex engine's classes once,
    // and a shared machine makes that slow (measuring before it would charge it to the first text)
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until) {
      for (String unit : UNITS) {
        redactor.redact(unit.repeat(4_000 / unit.length() + 1));
      }
    }
    System.out.println("text (CPU time)                      2,000 chars   20,000 chars   per-char ratio");
    for (String unit : UNITS) {
      double small = best(redactor, unit.repeat(2_000 / unit.length() + 1).substring(0, 2_000));
      double large = best(redactor, unit.repeat(20_000 / unit.length() + 1).substring(0, 20_000));
      System.out.printf("%-36s %8.3f ms %11.3f ms %10.1f%n", '"' + unit.strip() + "\"…", small, large,
          large / small / 10);
    }
  }

  /**
   * The best of 20 rounds in milliseconds of this thread's CPU time: on a shared machine wall-clock
   * time charges other processes' turns to the longer texts.
   */
  private static double best(Redactor redactor, String text) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 20; round++) {
      long started = CPU.getCurrentThreadCpuTime();
      redactor.redact(text);
      best = Math.min(best, (CPU.getCurrentThreadCpuTime() - started) / 1e6);
    }
    return best;
  }
}
