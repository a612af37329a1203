import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import no.faqbot.App;
import no.faqbot.chat.ChatRequest;
import no.faqbot.config.Settings;

/**
 * In-process cost of one chat reply (no HTTP): time and allocation per reply over the same
 * messages as bench/chat.lua, best of 15 rounds of 20,000. Run after `mvn package` with
 * {@code java -Xmx256m -XX:+UseParallelGC -cp target/faqbot.jar bench/ChatBench.java}.
 */
public class ChatBench {
  public static void main(String[] args) throws Exception {
    String[][] messages = {
        {"hvor finner jeg butikk-id", "nb"}, {"naar utloper en ordre", "nb"},
        {"hva koster global løsning per transaksjon", "nb"}, {"kan jeg laste ned utbetalingsrapporten som csv", "nb"},
        {"where do I find the logs app", "en"}, {"hei", "nb"}, {"hva er været i Bergen", "nb"},
        {"testkjøpet går ikke gjennom, får en feilmelding", "nb"}};
    Path index = Files.createTempDirectory("faqbot-bench-index");
    try (App app = App.start(Settings.from(java.util.Map.of("FAQBOT_PORT", "0", "FAQBOT_CONTENT", Path.of("content").toString(), "FAQBOT_INDEX", index.toString()), java.util.Map.of()))) {
      app.awaitReady();
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      double best = Double.MAX_VALUE;
      double bestCpu = Double.MAX_VALUE;
      long bytes = 0;
      int n = 20_000;
      for (int round = 0; round < 15; round++) {
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
          String[] m = messages[i % messages.length];
          app.chat().reply(new ChatRequest(m[0], m[1], null));
        }
        best = Math.min(best, (System.nanoTime() - started) / 1000.0 / n);
        bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / n);
        bytes = (threads.getCurrentThreadAllocatedBytes() - allocated) / n;
      }
      // CPU time is the steadier figure on a shared machine: waiting for a core does not count.
      System.out.printf("chat reply in-process: best round %.1f µs per reply (%.1f µs CPU), %,d bytes allocated per reply%n", best, bestCpu, bytes);
    } finally {
      try (var files = Files.walk(index)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
