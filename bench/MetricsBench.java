import java.nio.file.Files;
import java.nio.file.Path;
import no.faqbot.App;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatRequest;
import no.faqbot.chat.ChatTurn;
import no.faqbot.chat.Ranking;
import no.faqbot.config.Settings;
import no.faqbot.ops.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process cost of the instrumentation one chat request gets — the request timer, the reply
 * counter and the request log line — next to the cost of the reply itself, so the share is known
 * without a quiet machine. Best of 15 rounds of 20,000. Run after `mvn package` with
 * {@code java -Xmx256m -XX:+UseParallelGC -cp target/faqbot.jar bench/MetricsBench.java 2>/dev/null}
 * (stderr, where the log lines go, thrown away as a log shipper would take them).
 */
public class MetricsBench {
  private static final Logger REQUESTS = LoggerFactory.getLogger("no.faqbot.requests");

  public static void main(String[] args) throws Exception {
    String[][] messages = {
        {"hvor finner jeg butikk-id", "nb"}, {"naar utloper en ordre", "nb"},
        {"hva koster global løsning per transaksjon", "nb"}, {"kan jeg laste ned utbetalingsrapporten som csv", "nb"},
        {"where do I find the logs app", "en"}, {"hei", "nb"}, {"hva er været i Bergen", "nb"},
        {"testkjøpet går ikke gjennom, får en feilmelding", "nb"}};
    Path index = Files.createTempDirectory("faqbot-bench-index");
    int n = 20_000;
    try (App app = App.trial(Settings.from(java.util.Map.of("FAQBOT_PORT", "0", "FAQBOT_CONTENT", Path.of("content").toString(), "FAQBOT_INDEX", index.toString()), java.util.Map.of()));
        Metrics metrics = new Metrics()) {
      app.awaitReady();
      ChatTurn[] turns = new ChatTurn[messages.length];
      double chat = Double.MAX_VALUE;
      for (int round = 0; round < 15; round++) {
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
          String[] m = messages[i % messages.length];
          ChatRequest request = new ChatRequest(m[0], m[1], null);
          Ranking ranking = new Ranking();
          ChatReply reply = app.chat().reply(request, ranking);
          turns[i % messages.length] = new ChatTurn(null, request, reply, ranking);
        }
        chat = Math.min(chat, (System.nanoTime() - started) / 1000.0 / n);
      }
      double counted = Double.MAX_VALUE;
      double logged = Double.MAX_VALUE;
      for (int round = 0; round < 15; round++) {
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
          metrics.request("POST", "/api/chat", 200, 80_000 + i % 1000);
          metrics.chatTurn(turns[i % turns.length]);
        }
        counted = Math.min(counted, (System.nanoTime() - started) / 1000.0 / n);
        started = System.nanoTime();
        for (int i = 0; i < n; i++) {
          REQUESTS.info("{} {} {} {} ms", "POST", "/api/chat", 200, 0.08);
        }
        logged = Math.min(logged, (System.nanoTime() - started) / 1000.0 / n);
      }
      System.out.printf("chat reply %.1f µs; metrics (timer + reply counter) %.3f µs = %.2f %%;"
          + " request log line %.2f µs = %.1f %%%n", chat, counted, 100 * counted / chat, logged, 100 * logged / chat);
    } finally {
      try (var files = Files.walk(index)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
