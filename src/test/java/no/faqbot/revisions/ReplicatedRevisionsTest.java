package no.faqbot.revisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import no.faqbot.CliRun;
import no.faqbot.Fixtures;
import no.faqbot.ReplicaSettings;
import no.faqbot.TestServer;
import no.faqbot.knowledge.ContentChange;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentRejectedException;
import no.faqbot.knowledge.StaleRevisionException;
import no.faqbot.store.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas with their own content folders (named differently) on one PostgreSQL: what is
 * published through one is served by the other within seconds, both show the same revision and
 * fingerprint, and a restart keeps it, even with an old folder deployed beside it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedRevisionsTest {
  private static final String ENTRY = "faq/nb/order-expiry.md";
  @TempDir static Path tmp;
  static PostgresDatabase database;
  static Path contentA;
  static Path contentB;
  static TestServer a;
  static TestServer b;

  @BeforeAll
  static void start() throws Exception {
    database = PostgresDatabase.createOrSkip();
    contentA = Fixtures.content("good", tmp.resolve("a"));
    contentB = tmp.resolve("b/contentB");
    Files.move(Fixtures.content("good", tmp.resolve("b")), contentB);
    a = replica("a", contentA);
    a.app().awaitReady();
    b = replica("b", contentB);
    b.app().awaitReady();
  }

  static TestServer replica(String name, Path content) {
    return new TestServer(
        ReplicaSettings.of(tmp.resolve(name), content, database.settings(), null));
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestServer server : new TestServer[] {a, b}) {
      if (server != null) {
        server.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  static String answer(TestServer server) {
    TestServer.Reply r = server.get("/api/entries/order-expiry");
    return r.status() == 200 ? r.json().path("answer").asText() : "HTTP " + r.status();
  }

  /** Waits until {@code server} answers with {@code text}; returns the milliseconds it took. */
  static long servedBy(TestServer server, String text) throws InterruptedException {
    long started = System.nanoTime();
    while (!answer(server).contains(text)) {
      if (System.nanoTime() - started > 10_000_000_000L) {
        throw new AssertionError("'" + text + "' not served within 10 s: " + answer(server));
      }
      Thread.sleep(50);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  static void sameRevisionOnBoth(long revision) {
    JsonNode onA = a.get("/health").json();
    JsonNode onB = b.get("/health").json();
    assertEquals(revision, onA.path("revision").asLong(), onA.toString());
    assertEquals(revision, onB.path("revision").asLong(), onB.toString());
    assertEquals(
        onA.path("contentFingerprint").asText(),
        onB.path("contentFingerprint").asText(),
        "folders named content and contentB with the same files");
  }

  static String withDays(String days) throws Exception {
    return Files.readString(contentA.resolve(ENTRY))
        .replaceAll("\\*\\*\\d+ dager\\*\\*", "**" + days + "**");
  }

  @Test
  @Order(1)
  void the_first_replica_made_the_folder_revision_one_and_the_second_serves_it() {
    sameRevisionOnBoth(1);
  }

  @Test
  @Order(2)
  void a_change_published_through_one_replica_is_served_by_the_other_and_survives_a_restart()
      throws Exception {
    ContentPublisher publisher = a.app().revisions().publisher();
    ContentPublisher.Published published =
        publisher.publish(
            new ContentChange(
                publisher.servedRevision(),
                Map.of(ENTRY, withDays("29 dager")),
                Set.of(),
                "anna",
                "29 dager"));
    assertEquals(2, published.revision());
    assertTrue(answer(a).contains("29 dager"), "A serves it when publish returns");
    System.out.println("B served the publish after " + servedBy(b, "29 dager") + " ms");
    sameRevisionOnBoth(2);
    assertTrue(Files.readString(contentB.resolve(ENTRY)).contains("29 dager"), "B's folder");

    // The same with the command line, from a third folder.
    Path folder = tmp.resolve("editor/content");
    Files.createDirectories(folder.getParent());
    CliRun pulled = CliRun.of(env(), "content", "pull", folder.toString());
    assertEquals(0, pulled.code(), pulled.err());
    Files.writeString(folder.resolve(ENTRY), withDays("27 dager"));
    CliRun cli = CliRun.of(env(), "content", "publish", folder.toString(), "-m", "27 dager");
    assertEquals(0, cli.code(), cli.err() + cli.out());
    servedBy(a, "27 dager");
    servedBy(b, "27 dager");
    sameRevisionOnBoth(3);

    // B restarts with an old folder (as an old deploy would leave it): the newest revision wins.
    b.close();
    Files.writeString(contentB.resolve(ENTRY), withDays("20 dager"));
    b = replica("b", contentB);
    b.app().awaitReady();
    assertTrue(answer(b).contains("27 dager"), answer(b));
    assertTrue(Files.readString(contentB.resolve(ENTRY)).contains("27 dager"));
    sameRevisionOnBoth(3);
  }

  @Test
  @Order(3)
  void a_change_on_a_stale_revision_or_with_problems_is_refused() throws Exception {
    ContentPublisher publisher = b.app().revisions().publisher();
    long newest = publisher.servedRevision();
    StaleRevisionException stale =
        assertThrows(
            StaleRevisionException.class,
            () ->
                publisher.publish(
                    new ContentChange(
                        newest - 1, Map.of(ENTRY, withDays("1 dager")), Set.of(), "anna", "old")));
    assertEquals(newest, stale.newest());
    ContentRejectedException rejected =
        assertThrows(
            ContentRejectedException.class,
            () ->
                publisher.publish(
                    new ContentChange(
                        newest,
                        Map.of(ENTRY, withDays("2 dager").replace("id: order-expiry", "id: [x")),
                        Set.of(),
                        "anna",
                        "broken")));
    assertTrue(
        rejected.problems().stream().anyMatch(p -> p.toString().contains(ENTRY + ":")),
        rejected.problems().toString());
    assertEquals(newest, a.app().revisions().log().newestNumber(), "nothing was published");
    assertTrue(answer(a).contains("27 dager"));
  }

  @Test
  @Order(4)
  void the_history_page_lists_revisions_with_their_changes_and_restore_brings_one_back()
      throws Exception {
    ContentPublisher publisher = a.app().revisions().publisher();
    publisher.publish(
        new ContentChange(
            publisher.servedRevision(),
            Map.of(ENTRY, withDays("26 dager")),
            Set.of(),
            "<b>anna</b>",
            "<script>alert(1)</script> 26 dager"));
    long newest = a.app().revisions().log().newestNumber();
    String session = login(b);
    HttpResponse<String> page = send(b, "/staff/history", session, null);
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("bootstrap"), "revision 1 is listed");
    assertTrue(html.contains("29 dager"), "with its message");
    assertTrue(html.contains("order-expiry"), "and the entry it changed");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "messages are escaped");
    assertTrue(html.contains("&lt;b&gt;anna&lt;/b&gt;"), "authors are escaped");
    assertTrue(!html.contains("<script>alert"), "never raw");

    HttpResponse<String> diff = send(b, "/staff/history/2", session, null);
    assertEquals(200, diff.statusCode(), diff.body());
    assertTrue(diff.body().contains("+ Nye ordrer har en utløpsdato på **29 dager**"), diff.body());
    assertTrue(diff.body().contains("- Nye ordrer har en utløpsdato på **28 dager**"), diff.body());
    assertEquals(404, send(b, "/staff/history/999", session, null).statusCode());

    String token = csrf(html);
    assertEquals(
        403,
        send(b, "/staff/history/2/restore", session, "_csrf=wrong").statusCode(),
        "a restore needs the page's CSRF token");
    HttpResponse<String> restored = send(b, "/staff/history/2/restore", session, "_csrf=" + token);
    assertEquals(303, restored.statusCode(), restored.body());
    assertTrue(
        restored.headers().firstValue("Location").orElseThrow().contains("as=" + (newest + 1)));
    servedBy(a, "29 dager");
    servedBy(b, "29 dager");
    sameRevisionOnBoth(newest + 1);
    HttpResponse<String> after = send(b, "/staff/history", session, null);
    assertTrue(after.body().contains("restore revision 2"), after.body());
  }

  @Test
  @Order(5)
  void a_flow_changed_through_one_replica_continues_where_it_started_on_the_other()
      throws Exception {
    String flowFile = "flows/test-mode.yaml";
    String flow =
        Files.readString(Path.of("content", flowFile))
            .replaceFirst("(?m)^entries: \\[.*\\]$", "entries: [order-expiry]");
    ContentPublisher onA = a.app().revisions().publisher();
    onA.publish(
        new ContentChange(
            onA.servedRevision(), Map.of(flowFile, flow), Set.of(), "anna", "a flow"));
    String start = "{\"flow\":\"test-mode\",\"lang\":\"nb\"}";
    long waited = System.nanoTime();
    while (b.postJson("/api/chat", start).status() != 200) {
      assertTrue(System.nanoTime() - waited < 10_000_000_000L, "B serves the new flow");
      Thread.sleep(50);
    }
    JsonNode started = a.postJson("/api/chat", start).json();
    String title = started.path("flow").path("title").asText();

    ContentPublisher onB = b.app().revisions().publisher();
    onB.publish(
        new ContentChange(
            onB.servedRevision(),
            Map.of(flowFile, flow.replace(title, title + " (ny)")),
            Set.of(),
            "anna",
            "new title"));
    waited = System.nanoTime();
    while (!a.postJson("/api/chat", start)
        .json()
        .path("flow")
        .path("title")
        .asText()
        .endsWith("(ny)")) {
      assertTrue(System.nanoTime() - waited < 10_000_000_000L, "A serves the new title");
      Thread.sleep(50);
    }
    String next =
        "{\"lang\":\"nb\",\"choice\":\""
            + started.path("flow").path("options").get(0).path("id").asText()
            + "\",\"state\":"
            + started.path("state")
            + "}";
    for (TestServer server : new TestServer[] {a, b}) {
      TestServer.Reply continued = server.postJson("/api/chat", next);
      assertEquals(200, continued.status(), continued.body());
      assertEquals("flow", continued.json().path("type").asText(), continued.body());
      assertEquals(title, continued.json().path("flow").path("title").asText(), "the old version");
    }
    b.close();
    b = replica("b", contentB);
    b.app().awaitReady();
    TestServer.Reply afterRestart = b.postJson("/api/chat", next);
    assertEquals("flow", afterRestart.json().path("type").asText(), afterRestart.body());
    assertEquals(title, afterRestart.json().path("flow").path("title").asText());
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** GET, or a form POST when {@code form} is given, with the session cookie. */
  @Test
  @Order(5)
  void an_alternative_added_through_one_replica_is_answered_by_the_other() throws Exception {
    // Made-up words no entry knows: the chat cannot answer them before.
    String phrase = "zorblaxix quimfentet vorskgrel";
    assertTrue(!"answer".equals(b.chat(phrase, "nb").json().path("type").asText()));
    a.chat(phrase, "nb");
    assertTrue(a.app().insights().recorder().flush(5000), "A stored the question");
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> list =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(a.base() + "/staff/api/unanswered?days=30&lang=nb"))
                .header("Authorization", basic)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, list.statusCode(), list.body());
    String group = null;
    for (JsonNode row :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(list.body())
            .path("unanswered")) {
      if (row.path("examples").toString().contains(phrase)) {
        group = row.path("id").asText();
      }
    }
    assertTrue(group != null, list.body());
    long before = a.get("/health").json().path("revision").asLong();
    HttpResponse<String> added =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        a.base()
                            + "/staff/api/unanswered/"
                            + group
                            + "/alternative?days=30&lang=nb"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"entryId\":\"order-expiry\",\"lang\":\"nb\",\"text\":\""
                            + phrase
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, added.statusCode(), added.body());
    long started = System.nanoTime();
    while (!"order-expiry".equals(b.chat(phrase, "nb").json().path("answer").path("id").asText())) {
      assertTrue(System.nanoTime() - started < 10_000_000_000L, "B answers it within 10 s");
      Thread.sleep(50);
    }
    sameRevisionOnBoth(before + 1);
  }

  static HttpResponse<String> send(TestServer server, String path, String session, String form)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", session);
    if (form != null) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String csrf(String page) {
    return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
  }

  /** Logs in as the bootstrap admin with the login form; returns the session cookie. */
  static String login(TestServer server) throws Exception {
    HttpResponse<String> page = send(server, "/staff/login", "x=y", null);
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    cookie = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> login =
        send(
            server,
            "/staff/login",
            cookie,
            "_csrf=" + csrf(page.body()) + "&user=anna&password=riktig+hest");
    assertEquals(303, login.statusCode(), login.body());
    String session = login.headers().firstValue("Set-Cookie").orElseThrow();
    return session.substring(0, session.indexOf(';'));
  }

  static Map<String, String> env() {
    return Map.of(
        "FAQBOT_DATABASE_URL", database.url(),
        "FAQBOT_DATABASE_USER", "postgres",
        "FAQBOT_DATA", tmp.resolve("cli").toString());
  }
}
