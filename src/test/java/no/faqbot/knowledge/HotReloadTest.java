package no.faqbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content changes are served without a restart; a broken change is not. */
class HotReloadTest {
  @TempDir Path tmp;
  Path content;
  TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(TestSettings.in(tmp).fixture("good"));
    content = server.app().settings().folders().content();
    server.app().watchContent();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static long waitFor(BooleanSupplier condition) throws InterruptedException {
    long started = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - started > 10_000_000_000L) {
        throw new AssertionError("not seen within 10 s");
      }
      Thread.sleep(20);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  private String answer(String id) {
    TestServer.Reply r = server.get("/api/entries/" + id);
    return r.status() == 200 ? r.json().path("answer").asText() : "HTTP " + r.status();
  }

  @Test
  void an_edit_is_served_within_a_second_or_so() throws Exception {
    Path file = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(file, Files.readString(file).replace("28 dager", "30 dager"));
    long millis = waitFor(() -> answer("order-expiry").contains("30 dager"));
    System.out.println("edit visible after " + millis + " ms");
    assertTrue(millis < 5000, "visible after " + millis + " ms");
  }

  @Test
  void added_and_deleted_entries_come_and_go() throws Exception {
    Path added = content.resolve("faq/nb/new-entry.md");
    Files.writeString(
        added,
        Files.readString(content.resolve("faq/nb/order-expiry.md"))
            .replace("id: order-expiry", "id: new-entry")
            .replace("28 dager", "ny tekst"));
    waitFor(() -> answer("new-entry").contains("ny tekst"));
    Files.delete(added);
    waitFor(() -> answer("new-entry").equals("HTTP 404"));
  }

  @Test
  void a_broken_file_keeps_the_last_good_content_and_reports_the_line() throws Exception {
    Path file = content.resolve("faq/nb/find-store-id.md");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("question: Hvor finner jeg butikk-ID-en min?", "question: [broken"));
    waitFor(
        () ->
            server.app().knowledge().reloader().lastReload() != null
                && !server.app().knowledge().reloader().lastReload().served());
    assertTrue(
        answer("find-store-id").contains("velkomstmailen"), "the last good answer keeps serving");
    String problem = server.app().knowledge().reloader().lastReload().problems().get(0).toString();
    assertTrue(problem.startsWith("content/faq/nb/find-store-id.md:"), problem);
    TestServer.Reply health = server.get("/health");
    assertEquals(false, health.json().path("lastReload").path("served").asBoolean());
    assertEquals(1, health.json().path("lastReload").path("problems").asInt(), health.body());
    assertFalse(
        health.body().contains("find-store-id") || health.body().contains("content/"),
        "no file paths in public: " + health.body());
  }

  @Test
  void a_broken_file_in_one_entry_leaves_a_valid_edit_to_another_served() throws Exception {
    Path broken = content.resolve("faq/nb/find-store-id.md");
    Files.writeString(
        broken,
        Files.readString(broken)
            .replace("velkomstmailen", "den nye velkomsten")
            .replace("question: Hvor finner jeg butikk-ID-en min?", "question: \"broken"));
    Path edited = content.resolve("faq/nb/order-expiry.md");
    Files.writeString(edited, Files.readString(edited).replace("28 dager", "30 dager"));
    waitFor(() -> answer("order-expiry").contains("30 dager"));
    assertTrue(
        answer("find-store-id").contains("velkomstmailen"), "the broken file's last good version");
    ContentReloader.ReloadStatus status = server.app().knowledge().reloader().lastReload();
    assertFalse(status.served());
    assertEquals(1, status.staleFiles().size(), status.toString());
    assertEquals("content/faq/nb/find-store-id.md", status.staleFiles().get(0).path());
    assertTrue(status.staleFiles().get(0).lastGood());
    assertTrue(
        status
            .staleFiles()
            .get(0)
            .problems()
            .get(0)
            .startsWith("content/faq/nb/find-store-id.md:4: "),
        "the line of the opening quote: " + status.staleFiles().get(0).problems());
    TestServer.Reply staff =
        server.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.base() + "/staff/api/content-status"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString(
                                (server.app().settings().staff().user()
                                        + ":"
                                        + server.app().staff().generatedPassword())
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build());
    assertEquals(200, staff.status(), staff.body());
    assertEquals(
        "content/faq/nb/find-store-id.md",
        staff.json().path("staleFiles").path(0).path("path").asText(),
        staff.body());
    assertTrue(
        staff
            .json()
            .path("problems")
            .path(0)
            .asText()
            .startsWith("content/faq/nb/find-store-id.md:4:"),
        "the content status names the file and the line: " + staff.body());
    // A new file that never loaded is left out; fixing the broken one serves it.
    Path fresh = content.resolve("faq/nb/fresh.md");
    Files.writeString(fresh, "---\nversion: 1\nid: fresh\nquestion: [x\n---\nSvar.\n");
    waitFor(() -> server.app().knowledge().reloader().lastReload().staleFiles().size() == 2);
    assertEquals("HTTP 404", answer("fresh"));
    Files.writeString(
        broken,
        Files.readString(broken).replace("question: \"broken", "question: Hvor er butikk-ID-en?"));
    waitFor(() -> answer("find-store-id").contains("den nye velkomsten"));
  }

  @Test
  void no_request_fails_while_content_reloads() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger requests = new AtomicInteger();
    Thread[] clients = new Thread[4];
    for (int i = 0; i < clients.length; i++) {
      clients[i] =
          new Thread(
              () -> {
                while (running.get()) {
                  TestServer.Reply r =
                      server.get("/api/search?q=" + TestServer.encode("når utløper ordren"));
                  requests.incrementAndGet();
                  if (r.status() != 200 || r.json().path("results").size() == 0) {
                    failures.incrementAndGet();
                  }
                }
              });
      clients[i].start();
    }
    Path file = content.resolve("faq/nb/order-expiry.md");
    String original = Files.readString(file);
    for (int i = 0; i < 5; i++) {
      String days = (30 + i) + " dager";
      Files.writeString(file, original.replace("28 dager", days));
      waitFor(() -> answer("order-expiry").contains(days));
    }
    running.set(false);
    for (Thread t : clients) {
      t.join();
    }
    assertTrue(requests.get() > 20, "searches ran during the reloads: " + requests.get());
    assertEquals(0, failures.get(), "failed requests during reloads");
  }
}
