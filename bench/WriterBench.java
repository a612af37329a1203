import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import no.faqbot.insights.Event;
import no.faqbot.insights.EventRecorder;
import no.faqbot.insights.EventRepository;
import no.faqbot.insights.TurnEvent;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;

/**
 * What recording costs per chat turn, in-process: a producer offers chat-turn events at a steady
 * rate (as request threads do under bench/load.sh) to the real recorder writing into an embedded
 * store, and the writer thread's CPU time is divided by the events it wrote. Also the request
 * thread's side (building and offering one event). Run after `mvn package` with
 * {@code java -Xmx256m -XX:+UseParallelGC -cp target/faqbot.jar bench/WriterBench.java [events/s] [seconds] [conversations]}.
 */
public class WriterBench {
  static final String[] MESSAGES = {"hvor finner jeg butikk-id", "naar utloper en ordre",
      "hva koster global løsning per transaksjon", "kan jeg laste ned utbetalingsrapporten som csv",
      "where do I find the logs app", "hei", "hva er været i Bergen",
      "testkjøpet går ikke gjennom, får en feilmelding"};
  static final String[] TYPES = {"answer", "answer", "answer", "answer", "answer", "smalltalk",
      "out_of_scope", "flow"};

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    // "yes": each event carries one of 2,000 conversation ids, as the widget sends; "no": none, as
    // bench/load.sh's chat.lua sends.
    boolean conversations = args.length > 2 && args[2].equals("yes");
    Path dir = Files.createTempDirectory("faqbot-writer-bench");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Store store = Store.open(StoreSettings.EMBEDDED, dir.resolve("data"))) {
      EventRepository repository = new EventRepository(store);
      EventRecorder recorder =
          new EventRecorder(repository::insert, true, EventRecorder.DEFAULT_CAPACITY, Clock.systemUTC());
      Thread writer = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("faqbot-events")).findFirst().orElseThrow();
      long cpu0 = threads.getThreadCpuTime(writer.getId());
      long producerCpu = 0;
      long started = System.nanoTime();
      long offered = 0;
      long total = (long) rate * seconds;
      String[] ids = new String[2000];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = String.format("conv-%08d", k);
      }
      while (offered < total) {
        // catch up to the wall clock, one millisecond at a time, as arriving requests would
        long due = Math.min(total, (System.nanoTime() - started) * rate / 1_000_000_000L);
        long c0 = threads.getCurrentThreadCpuTime();
        for (; offered < due; offered++) {
          int i = (int) (offered % MESSAGES.length);
          recorder.record(turn(System.currentTimeMillis(), i,
              conversations ? ids[(int) (offered % ids.length)] : null));
        }
        producerCpu += threads.getCurrentThreadCpuTime() - c0;
        Thread.sleep(1);
      }
      recorder.flush(60_000);
      double wall = (System.nanoTime() - started) / 1e9;
      long cpu = threads.getThreadCpuTime(writer.getId()) - cpu0;
      System.out.printf(
          "offered %,d events at %,d/s (conversations: %s) in %.1f s: written %,d, dropped %,d;"
              + " writer CPU %.2f us/event (%.1f %% of one core); request side %.2f us/event%n",
          offered, rate, conversations ? "yes" : "no", wall, recorder.written(), recorder.dropped(),
          cpu / 1e3 / Math.max(1, recorder.written()), 100.0 * cpu / 1e9 / wall,
          producerCpu / 1e3 / offered);
      recorder.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static Event turn(long at, int i, String conversation) {
    String type = TYPES[i];
    boolean answer = type.equals("answer");
    return new TurnEvent(at, conversation, i == 4 ? "en" : "nb", MESSAGES[i], type,
        answer ? "entry-" + i : null, answer ? 0.8 : null, "entry-9", 0.3, List.of(),
        type.equals("flow") ? new TurnEvent.FlowStep("failed-test-purchase", "start", null) : null);
  }
}
