package no.faqbot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.faqbot.TestServer;
import no.faqbot.config.Settings;
import no.faqbot.support.SupportLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback file is bounded, keeps every line whole, and an unwritable data folder is a clear 503. */
class FeedbackStoreTest {
  private static final String VOTE = "{\"entryId\":\"api-credentials\",\"helpful\":true,\"lang\":\"nb\"}";

  @TempDir Path tmp;

  @Test
  void many_votes_from_many_threads_stay_under_twice_the_cap_with_every_line_whole() throws Exception {
    Path file = tmp.resolve("data/feedback.jsonl");
    long cap = 8 * 1024;
    FeedbackStore store = new FeedbackStore(file, cap, Clock.systemUTC());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> votes = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int n = i;
      String query = "spørsmål nummer " + n + " ".repeat(n % 50);
      votes.add(threads.submit(() -> store.add("entry-" + n, "nb", n % 2 == 0, query)));
    }
    for (Future<?> vote : votes) {
      vote.get();
    }
    threads.shutdown();
    Path previous = tmp.resolve("data/feedback.1.jsonl");
    assertTrue(Files.size(file) <= cap && Files.size(previous) <= cap,
        Files.size(file) + " and " + Files.size(previous));
    ObjectMapper json = new ObjectMapper();
    Set<Integer> seen = new TreeSet<>();
    for (Path p : List.of(previous, file)) {
      String text = Files.readString(p);
      assertTrue(text.endsWith("\n"), p + " ends with a whole line");
      for (String line : text.split("\n")) {
        seen.add(Integer.parseInt(json.readTree(line).path("entryId").asText().substring(6))); // each line is JSON
      }
    }
    assertTrue(seen.size() > 20, "the newest votes are kept: " + seen.size());
  }

  @Test
  void an_unwritable_data_folder_is_a_503_and_shown_on_health() throws Exception {
    Path data = tmp.resolve("data");
    Files.writeString(data, "a file where the data folder should be: nothing can be created in it");
    try (TestServer server = new TestServer(new Settings("127.0.0.1", 0, Path.of("content"), tmp.resolve("index"),
        Settings.DEFAULT_SUPPORT_EMAIL, null, SupportLimits.DEFAULT, null, null, data, null, null,
        Settings.DEFAULT_THREADS, null, java.util.Map.of()))) {
      assertEquals("unwritable", server.get("/health").json().path("data").asText());
      for (int i = 0; i < 3; i++) {
        TestServer.Reply r = server.postJson("/api/feedback", VOTE);
        assertEquals(503, r.status(), r.body());
        assertTrue(r.json().path("error").asText().contains("data folder is not writable"), r.body());
      }
      Files.delete(data);
      TestServer.Reply ok = server.postJson("/api/feedback", VOTE);
      assertEquals(201, ok.status(), ok.body());
      assertEquals("ok", server.get("/health").json().path("data").asText());
    }
  }
}
