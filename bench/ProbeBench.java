import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.faqbot.App;
import no.faqbot.chat.ChatRequest;
import no.faqbot.config.Settings;

/**
 * In-process cost of one chat reply on a large knowledge base (no HTTP), with messages like the
 * shared probe's ({@code ../shared/bench/scale_probe.py}: 3-9 words of the seed text): start on
 * the given index, then CPU time per reply (thread CPU, which waiting for a core does not count),
 * p50/p99 of it, best of the rounds. Run after `mvn package` on a knowledge base made by the shared
 * generator: {@code java -Xmx1g -XX:+UseParallelGC -cp target/faqbot.jar bench/ProbeBench.java
 * CONTENT INDEX SEED [rounds]}.
 */
public class ProbeBench {
  public static void main(String[] args) throws Exception {
    Path content = Path.of(args[0]);
    Path index = Path.of(args[1]);
    String seed = Files.readString(Path.of(args[2])).toLowerCase(java.util.Locale.ROOT);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("[a-zæøå]{3,}").matcher(seed);
    while (m.find()) {
      words.add(m.group());
    }
    Random random = new Random(1);
    String[] messages = new String[300];
    for (int i = 0; i < messages.length; i++) {
      StringBuilder q = new StringBuilder();
      for (int w = 3 + random.nextInt(7); w > 0; w--) {
        q.append(q.length() == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
      }
      messages[i] = q.toString();
    }
    long t0 = System.nanoTime();
    try (App app = App.start(Settings.from(java.util.Map.of("FAQBOT_PORT", "0", "FAQBOT_CONTENT", content.toString(), "FAQBOT_INDEX", index.toString()), java.util.Map.of()))) {
      app.awaitReady();
      System.out.printf("ready after %.2f s%n", (System.nanoTime() - t0) / 1e9);
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long[] cpu = new long[messages.length];
      double bestMean = Double.MAX_VALUE;
      long bestP50 = Long.MAX_VALUE;
      long bestP99 = Long.MAX_VALUE;
      for (int round = 0; round < rounds; round++) {
        long total = 0;
        for (int i = 0; i < messages.length; i++) {
          long c = threads.getCurrentThreadCpuTime();
          app.chat().reply(new ChatRequest(messages[i], "nb", null));
          cpu[i] = threads.getCurrentThreadCpuTime() - c;
          total += cpu[i];
        }
        long[] sorted = cpu.clone();
        Arrays.sort(sorted);
        bestMean = Math.min(bestMean, total / 1e6 / messages.length);
        bestP50 = Math.min(bestP50, sorted[150]);
        bestP99 = Math.min(bestP99, sorted[296]);
      }
      System.out.printf("CPU per reply, best of %d rounds of %d: mean %.3f ms, p50 %.3f ms, p99 %.3f ms%n",
          rounds, messages.length, bestMean, bestP50 / 1e6, bestP99 / 1e6);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      System.out.printf("heap after GC %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }
}
