package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.faqbot.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * Work that fails after the server let its request go (it stopped meanwhile) is logged once; the
 * error handler must not fail itself on the recycled request.
 */
class LateFailureTest {
  @Test
  void a_failure_after_the_request_was_let_go_is_logged_without_the_handler_failing()
      throws Exception {
    CompletableFuture<Void> work = new CompletableFuture<>();
    CountDownLatch started = new CountDownLatch(1);
    Routes late =
        routes ->
            routes.get(
                "/late",
                ctx ->
                    ctx.future(
                        () -> {
                          started.countDown();
                          return work;
                        }));
    UploadLimits uploads = new UploadLimits(1024, 1, () -> "too large");
    try (LogCapture log = new LogCapture()) {
      Javalin server =
          WebServer.create(uploads, Cors.parse(null), 8, java.util.Set.of(), List.of(late))
              .start("127.0.0.1", 0);
      CompletableFuture<HttpResponse<String>> pending =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/late"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      started.await(10, TimeUnit.SECONDS);
      server.stop();
      work.completeExceptionally(new IllegalStateException("the work failed late"));
      Thread.sleep(300);
      pending.cancel(true);
      assertEquals(1, log.count("the work failed late"), log.text());
      assertEquals(0, log.count("Exception handler"), log.text());
    }
  }
}
