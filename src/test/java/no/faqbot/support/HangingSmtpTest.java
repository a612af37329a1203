package no.faqbot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import no.faqbot.LogCapture;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import no.faqbot.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail server that accepts connections and never answers holds each send for its timeouts. Those
 * waits must not take the few HTTP threads that answer chat messages, and sends that end after the
 * server stopped must not write into responses that no longer exist.
 */
class HangingSmtpTest {
  @TempDir Path tmp;

  @Test
  void chat_answers_while_more_sends_than_http_threads_wait_on_a_silent_mail_server()
      throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    int sendCount = Settings.MIN_THREADS + 4;
    try (LogCapture log = new LogCapture();
        ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(
                        silent.accept()); // never greets: the client waits for its read timeout
                  }
                } catch (Exception closed) {
                  // test over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      SmtpSettings mail =
          new SmtpSettings(
              "127.0.0.1", silent.getLocalPort(), null, null, false, "faqbot@shop.example");
      try (TestServer server =
          new TestServer(
              TestSettings.in(tmp)
                  .stateSecret("test secret long enough!")
                  // one test client sends them all
                  .supportLimits(new SupportLimits(5, 5L * 1024 * 1024, 100))
                  .smtp(mail)
                  .threads(Settings.MIN_THREADS)
                  .limit("FAQBOT_LIMIT_SUPPORT_SEND", "off")
                  // sends still wait on the silent server when the test stops it: 10 s in
                  // production, the same stop sooner here
                  .shutdown(Duration.ofMillis(500)))) {
        HttpClient client = HttpClient.newHttpClient();
        String boundary = "----faqbot-hanging";
        String body =
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"merchantEmail\"\r\n\r\nbutikk@example.no\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nTestkjøpet feiler\r\n"
                + "--"
                + boundary
                + "--\r\n";
        List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
        for (int i = 0; i < sendCount; i++) {
          sends.add(
              client.sendAsync(
                  HttpRequest.newBuilder(URI.create(server.base() + "/api/support-email/send"))
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1500); // every send is now waiting on the silent server
        assertTrue(
            sends.stream().noneMatch(CompletableFuture::isDone),
            "the sends should still be waiting");

        long started = System.nanoTime();
        TestServer.Reply reply = server.chat("hvor finner jeg butikk-id", "nb");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, reply.status(), reply.body());
        assertTrue(millis < 3000, "chat took " + millis + " ms while sends waited");
        sends.forEach(s -> s.cancel(true));
      }
      for (Socket s : held) {
        s.close(); // the server has stopped: every send now fails, late
      }
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (log.count("by smtp failed") < sendCount && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(300); // what a late write would log comes right after
      assertEquals(sendCount, log.count("by smtp failed"));
      // Jetty may log its own closing of the cancelled connections at stop; what must not fail
      // is our code when a send ends after the server stopped.
      assertEquals(
          List.of(),
          log.stackTraces().lines().filter(l -> l.contains("no.faqbot")).toList(),
          "nothing of ours may fail when a send ends after the server stopped:\n"
              + log.stackTraces());
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
