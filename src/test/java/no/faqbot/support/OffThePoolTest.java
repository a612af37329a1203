package no.faqbot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Work off the HTTP pool is answered once: with its own answer, with its refusal, or at the
 * deadline with the deadline's answer (then the late answer is dropped).
 */
class OffThePoolTest {
  private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
  private static final CountDownLatch LATE_DONE = new CountDownLatch(1);
  private static Javalin app;

  @BeforeAll
  static void start() {
    OffThePool pool = new OffThePool(THREADS, 300, c -> c.status(503).result("too long"));
    app =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.routes.post(
                      "/quick",
                      ctx -> pool.answer(ctx, answer -> answer.give(c -> c.result("quick"))));
                  cfg.routes.post(
                      "/slow",
                      ctx ->
                          pool.answer(
                              ctx,
                              answer -> {
                                Thread.sleep(1_000);
                                answer.give(c -> c.result("late"));
                                LATE_DONE.countDown();
                              }));
                  cfg.routes.post(
                      "/refused",
                      ctx ->
                          pool.answer(
                              ctx,
                              answer -> {
                                throw new ApiException(ErrorCode.CONFLICT, "not here");
                              }));
                  cfg.routes.exception(ApiException.class, (e, ctx) -> e.answer(ctx));
                })
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    THREADS.shutdownNow();
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void work_in_time_answers_itself() throws Exception {
    HttpResponse<String> r = post("/quick");
    assertEquals(200, r.statusCode());
    assertEquals("quick", r.body());
  }

  @Test
  void a_refusal_is_answered_by_the_servers_error_handlers() throws Exception {
    HttpResponse<String> r = post("/refused");
    assertEquals(409, r.statusCode());
    assertEquals("{\"error\":\"not here\",\"code\":\"conflict\"}", r.body());
  }

  @Test
  void work_past_the_deadline_gets_the_deadlines_answer_and_its_own_is_dropped() throws Exception {
    HttpResponse<String> r = post("/slow");
    assertEquals(503, r.statusCode());
    assertEquals("too long", r.body());
    // The late answer comes and goes without touching the finished response.
    assertTrue(LATE_DONE.await(5, TimeUnit.SECONDS));
    assertEquals("quick", post("/quick").body());
  }
}
