package no.faqbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import no.faqbot.config.ServerCatalogue;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.support.SupportLimits;
import no.faqbot.support.SupportRoutes;
import no.faqbot.web.Cors;
import no.faqbot.web.Routes;
import no.faqbot.web.WebServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Probes, metrics and a graceful stop, over HTTP on a real server. */
class OperationsTest {
  /** A sample line of the Prometheus text format: name, optional labels, a number. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? "
              + "(-?[0-9.]+(E-?[0-9]+)?|NaN|\\+Inf|-Inf)( [0-9]+)?");

  @RegisterExtension
  static final FaqbotServer server =
      new FaqbotServer(
          s -> s.shutdown(Duration.ofSeconds(5)).metricsToken("metrics-secret").jsonLogs());

  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server.app().awaitReady();
  }

  @Test
  void live_and_ready_when_content_and_store_are_there_and_health_tells_which_content_and_build() {
    assertEquals(200, server.get("/health/live").status());
    TestServer.Reply ready = server.get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("ready", ready.json().path("status").asText());
    TestServer.Reply health = server.get("/health");
    assertEquals("ok", health.json().path("status").asText(), "the old fields stay");
    assertTrue(health.json().path("entries").asInt() > 0);
    assertTrue(health.json().path("contentFingerprint").asText().length() >= 16, health.body());
    assertEquals("dev", health.json().path("version").asText(), "no jar manifest in a test run");
  }

  @Test
  void not_ready_while_the_content_loads() {
    KnowledgeBase loading = new KnowledgeBase(new CompletableFuture<>());
    try (Readiness readiness = new Readiness(loading, null, () -> "ok")) {
      Javalin web =
          WebServer.create(
                  SupportRoutes.uploadLimits(SupportLimits.DEFAULT),
                  Cors.parse(null),
                  ServerCatalogue.THREADS.fallback(),
                  Set.of(),
                  List.of(new HealthRoutes(readiness, true), slowRoute()))
              .start("127.0.0.1", 0);
      try {
        TestServer.Reply r = get(web.port(), "/health/ready");
        assertEquals(503, r.status());
        assertTrue(r.body().contains("content is loading"), r.body());
        assertEquals(200, get(web.port(), "/health/live").status(), "alive all the same");
        TestServer.Reply refused = get(web.port(), "/slow");
        assertEquals(
            503, refused.status(), "a replica that is starting sends requests elsewhere at once");
        assertTrue(refused.body().contains("the content is loading"), refused.body());
      } finally {
        web.stop();
      }
    }
  }

  @Test
  void metrics_are_prometheus_text_behind_the_token() throws Exception {
    server.chat("hvor finner jeg butikk-ID?", "nb");
    server.get("/api/entries/no-such-entry");
    HttpRequest.Builder metrics = HttpRequest.newBuilder(URI.create(server.base() + "/metrics"));
    assertEquals(
        401, client.send(metrics.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpResponse<String> r =
        client.send(
            metrics.header("Authorization", "Bearer metrics-secret").build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        r.headers().toString());
    for (String line : r.body().split("\n")) {
      if (line.startsWith("#")) {
        assertTrue(line.matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*"), line);
      } else if (!line.isBlank()) {
        assertTrue(SAMPLE.matcher(line).matches(), "not Prometheus text: " + line);
      }
    }
    String body = r.body();
    assertTrue(
        body.contains(
            "faqbot_http_requests_seconds_count{method=\"POST\",route=\"/api/chat\",status=\"200\"}"),
        body);
    assertTrue(
        body.contains("route=\"/api/entries/{id}\",status=\"404\""), "by template, not by id");
    assertTrue(body.contains("faqbot_http_requests_seconds_bucket{"), "latency histogram");
    assertTrue(body.contains("faqbot_chat_replies_total{type=\"answer\"}"), body);
    for (String name :
        List.of(
            "faqbot_events_queued",
            "faqbot_events_dropped_total",
            "faqbot_content_reloads_total",
            "faqbot_store_connections",
            "faqbot_http_threads",
            "jvm_memory_used_bytes",
            "faqbot_flows_started_total",
            "faqbot_support_emails_total")) {
      assertTrue(body.contains(name), name);
    }
  }

  @Test
  void a_graceful_stop_finishes_the_slow_request_in_flight_and_takes_no_new_ones()
      throws Exception {
    KnowledgeBase knowledge = server.app().knowledge().base();
    Readiness readiness = new Readiness(knowledge, null, () -> "ok");
    Routes slow = slowRoute();
    Javalin web =
        GracefulShutdown.prepare(
            WebServer.create(
                SupportRoutes.uploadLimits(SupportLimits.DEFAULT),
                Cors.parse(null),
                ServerCatalogue.THREADS.fallback(),
                Set.of(),
                List.of(slow, new HealthRoutes(readiness, false))),
            Duration.ofSeconds(5));
    web.start("127.0.0.1", 0);
    int port = web.port();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    boolean[] closed = new boolean[1];
    GracefulShutdown.stop(web, readiness, () -> closed[0] = true);
    HttpResponse<String> done = inFlight.join();
    assertEquals(200, done.statusCode());
    assertEquals("done", done.body());
    assertTrue(closed[0], "the rest is closed after the server stopped");
    assertEquals(List.of("shutting down"), readiness.problems());
    assertFalse(reachable(port), "no new connections");
    readiness.close();
  }

  private static Routes slowRoute() {
    return routes ->
        routes.get(
            "/slow",
            ctx -> {
              Thread.sleep(1_500);
              ctx.result("done");
            });
  }

  private TestServer.Reply get(int port, String path) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new TestServer.Reply(r.statusCode(), r.body(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean reachable(int port) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
