import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import no.faqbot.App;
import no.faqbot.config.Settings;
import no.faqbot.insights.Event;
import no.faqbot.insights.EventRepository;
import no.faqbot.insights.PickEvent;
import no.faqbot.insights.SupportEvent;
import no.faqbot.insights.TurnEvent;
import no.faqbot.insights.VoteEvent;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import no.faqbot.support.SupportLimits;

/**
 * Fills the embedded store with synthetic events spread over 90 days (default 1,000,000), then
 * times the staff insights page and the unanswered list over HTTP (7, 30 and 90 days, with and
 * without a language, 7 runs each after a first one, timed apart) and prints the store's size. Run after `mvn package` with
 * {@code java -Xmx256m -XX:+UseParallelGC -cp target/faqbot.jar bench/InsightsBench.java [events]}.
 */
public class InsightsBench {
  static final long DAY = 86_400_000L;

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("faqbot-insights-bench");
    Path data = dir.resolve("data");
    long now = System.currentTimeMillis();
    long fill = System.nanoTime();
    try (Store store = Store.open(StoreSettings.EMBEDDED, data)) {
      EventRepository events = new EventRepository(store);
      Random random = new Random(42);
      List<Event> batch = new ArrayList<>();
      int written = 0;
      int conversation = 0;
      while (written < total) {
        String id = String.format("%032x", conversation++);
        long at = now - (long) (random.nextDouble() * 90 * DAY);
        for (Event e : conversation(random, id, at)) {
          batch.add(e);
        }
        if (batch.size() >= 5000) {
          written += batch.size();
          events.insert(batch);
          batch.clear();
        }
      }
      events.insert(batch);
      written += batch.size();
      try (Connection c = store.connection(); Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      double seconds = (System.nanoTime() - fill) / 1e9;
      System.out.printf("filled %,d events in %d conversations over 90 days in %.1f s (%,.0f events/s)%n",
          written, conversation, seconds, written / seconds);
      System.out.printf("store file: %.1f MB (%.1f MB per million events)%n", store.fileBytes(data) / 1e6,
          store.fileBytes(data) / 1e6 / (written / 1e6));
    }
    Settings settings = Settings.from(java.util.Map.of("FAQBOT_PORT", "0", "FAQBOT_CONTENT", "content",
        "FAQBOT_INDEX", dir.resolve("index").toString(), "FAQBOT_DATA", data.toString(),
        "FAQBOT_STAFF_USER", "bench", "FAQBOT_STAFF_PASSWORD", "bench-password"), java.util.Map.of());
    try (App app = App.start(settings)) {
      var server = app.server().start("127.0.0.1", 0);
      app.awaitReady();
      String base = "http://127.0.0.1:" + server.port();
      HttpClient client = login(base);
      for (String path : new String[] {"/staff/insights?days=7", "/staff/insights?days=30", "/staff/insights?days=90",
          "/staff/insights?days=90&lang=en", "/staff/api/insights?days=90&lang=nb",
          "/staff/insights/unanswered?days=7", "/staff/insights/unanswered?days=30",
          "/staff/insights/unanswered?days=90", "/staff/insights/unanswered?days=90&lang=en",
          "/staff/api/unanswered?days=90&lang=nb"}) {
        time(client, base, path);
      }
      server.stop();
    }
    if (System.getenv("BENCH_KEEP") != null) {
      System.out.println("kept " + data);
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Logs in once through the login form, as staff in a browser do: HTTP Basic on every call would
   * time the deliberately slow password hash (PBKDF2, 120,000 rounds) instead of the page.
   */
  static HttpClient login(String base) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    client.send(HttpRequest.newBuilder(URI.create(base + "/staff/login")).build(), HttpResponse.BodyHandlers.discarding());
    String token = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("faqbot_login")).findFirst().orElseThrow().getValue();
    String form = "_csrf=" + token + "&user=bench&password=bench-password";
    HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (in.statusCode() != 303) {
      throw new IllegalStateException("login failed: HTTP " + in.statusCode());
    }
    return client;
  }

  static void time(HttpClient client, String base, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
    double[] ms = new double[7];
    int status = 0;
    int bytes = 0;
    double first = 0;
    for (int i = -1; i < ms.length; i++) {
      long started = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (i >= 0) {
        ms[i] = (System.nanoTime() - started) / 1e6;
      } else {
        first = (System.nanoTime() - started) / 1e6;
      }
      status = response.statusCode();
      bytes = response.body().length();
    }
    Arrays.sort(ms);
    // The first call reads the closed days' entry counts that later calls keep (InsightsQueries).
    System.out.printf("%-44s HTTP %d %7d chars  first %6.0f ms  median %6.0f ms  max %6.0f ms%n", path, status,
        bytes, first, ms[3], ms[6]);
  }

  static final String[] TOPICS = {"logo i kassen", "faktura på engelsk", "bytte bankkonto", "refusjon delvis",
      "api nøkkel utløpt", "ordre utløper", "testmodus", "frakt på faktura", "kampanjekode", "moms på gebyr"};
  static final String[] FORMS = {"hvordan %s", "kan jeg endre %s?", "%s hjelp", "hvor finner jeg %s", "spørsmål om %s"};
  static final String[] FLOWS = {"failed-test-purchase", "test-mode", "wrong-credentials"};
  static final String[] STEPS = {"start", "check-mode", "check-keys", "info", "form", "email", "done"};

  /** One synthetic conversation: a few turns, sometimes a pick, a vote, a flow or a support e-mail. */
  static List<Event> conversation(Random random, String id, long at) {
    List<Event> out = new ArrayList<>();
    String lang = random.nextInt(5) == 0 ? "en" : "nb";
    int turns = 1 + random.nextInt(4);
    for (int t = 0; t < turns; t++) {
      long when = at + t * 20_000L;
      int roll = random.nextInt(100);
      String entry = "entry-" + random.nextInt(200);
      String topic = TOPICS[random.nextInt(TOPICS.length)] + (random.nextInt(4) == 0 ? " " + random.nextInt(500) : "");
      String message = String.format(FORMS[random.nextInt(FORMS.length)], topic);
      if (roll < 55) {
        out.add(turn(when, id, lang, message, "answer", entry, 0.4 + random.nextDouble() * 0.6, List.of()));
        if (random.nextInt(10) == 0) {
          out.add(new VoteEvent(when + 5000, id, lang, entry, random.nextInt(4) != 0, message));
        }
      } else if (roll < 70) {
        List<String> offered = List.of(entry, "entry-" + random.nextInt(200), "entry-" + random.nextInt(200));
        out.add(turn(when, id, lang, message, "suggestions", null, 0.3, offered));
        if (random.nextBoolean()) {
          out.add(new PickEvent(when + 3000, id, lang, offered.get(random.nextInt(3))));
        }
      } else if (roll < 85) {
        out.add(turn(when, id, lang, message, "fallback", null, null, List.of()));
      } else if (roll < 90) {
        out.add(turn(when, id, lang, "hei", "smalltalk", null, null, List.of()));
      } else {
        String flow = FLOWS[random.nextInt(FLOWS.length)];
        int depth = 1 + random.nextInt(STEPS.length - 1);
        for (int s = 0; s < depth; s++) {
          String step = STEPS[s];
          String outcome = step.equals("done") ? "resolved" : step.equals("email") ? "email" : null;
          out.add(new TurnEvent(when + s * 5000L, id, lang, s == 0 ? message : null, "flow", null, null, null, null,
              null, new TurnEvent.FlowStep(flow, step, outcome)));
        }
        if (depth > 5) {
          out.add(new SupportEvent(when + 40_000, false, id, lang, "FB-" + id.substring(24), flow,
              "E" + random.nextInt(50)));
        }
        break;
      }
    }
    return out;
  }

  static Event turn(long at, String id, String lang, String message, String type, String entry, Double score,
      List<String> suggestions) {
    return new TurnEvent(at, id, lang, message, type, entry, score, entry == null ? null : "entry-0",
        entry == null ? null : 0.2, suggestions, null);
  }
}
