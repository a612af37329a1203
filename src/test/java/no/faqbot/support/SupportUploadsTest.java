package no.faqbot.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import no.faqbot.FaqbotServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Screenshots wait in a private folder, not on the heap, and nothing of them is left after a
 * request.
 */
class SupportUploadsTest {
  private static final int MB = 1024 * 1024;

  @RegisterExtension
  static final FaqbotServer server =
      new FaqbotServer(
          s ->
              s.stateSecret("test secret long enough!")
                  // one test client sends them all at once
                  .supportLimits(new SupportLimits(5, 2 * MB, 16)));

  private static byte[] png(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    System.arraycopy(SupportEmailApiTest.PNG, 0, data, 0, SupportEmailApiTest.PNG.length);
    return data;
  }

  private static UploadFolder folder() {
    return server.app().support().uploads();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(25);
    }
    assertTrue(condition.getAsBoolean(), what);
  }

  @Test
  void the_folder_is_private_to_this_user() throws Exception {
    assertEquals(
        "rwx------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            java.nio.file.Files.getPosixFilePermissions(folder().path())));
  }

  @Test
  void large_screenshots_arrive_whole_in_the_eml_and_leave_no_file_behind() throws Exception {
    List<byte[]> shots = List.of(png(2 * MB, 1), png(MB + 7, 2), png(300_000, 3));
    SupportEmailApiTest.Form form =
        new SupportEmailApiTest.Form().field("merchantEmail", "butikk@example.no");
    for (int i = 0; i < shots.size(); i++) {
      form.file("screenshots", "shot" + i + ".png", "image/png", shots.get(i));
    }
    HttpResponse<byte[]> r = form.post(server.base(), "/api/support-email");
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    MimeMessage m = SupportEmailApiTest.parse(r.body());
    List<Part> leaves = new ArrayList<>();
    SupportEmailApiTest.collect(m, leaves);
    assertEquals(2 + shots.size(), leaves.size());
    for (int i = 0; i < shots.size(); i++) {
      assertArrayEquals(
          shots.get(i), leaves.get(2 + i).getInputStream().readAllBytes(), "screenshot " + i);
    }
    await(() -> folder().files() == 0, "no upload file is left after the answer");
  }

  @Test
  void several_large_requests_at_once_wait_their_turn_and_are_all_answered_whole()
      throws Exception {
    List<byte[]> shots = List.of(png(MB, 5), png(MB, 6), png(MB, 7));
    SupportEmailApiTest.Form form =
        new SupportEmailApiTest.Form().field("merchantEmail", "butikk@example.no");
    for (int i = 0; i < shots.size(); i++) {
      form.file("screenshots", "shot" + i + ".png", "image/png", shots.get(i));
    }
    byte[] body = form.body();
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> sent = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      sent.add(
          client.sendAsync(
              java.net.http.HttpRequest.newBuilder(URI.create(server.base() + "/api/support-email"))
                  .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (var future : sent) {
      HttpResponse<byte[]> r = future.get();
      assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
      List<Part> leaves = new ArrayList<>();
      SupportEmailApiTest.collect(SupportEmailApiTest.parse(r.body()), leaves);
      for (int i = 0; i < shots.size(); i++) {
        assertArrayEquals(
            shots.get(i), leaves.get(2 + i).getInputStream().readAllBytes(), "screenshot " + i);
      }
    }
    await(() -> folder().files() == 0, "no upload file is left after the answers");
  }

  @Test
  void a_client_that_hangs_up_mid_upload_leaves_no_file_behind() throws Exception {
    String boundary = "----faqbotabort";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"merchantEmail\"\r\n\r\n"
                + "butikk@example.no\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"screenshots\"; "
                + "filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    URI base = URI.create(server.base());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/support-email HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                  + boundary
                  + "\r\nContent-Length: "
                  + (head.length + 2 * MB)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(head);
      out.write(png(MB, 4));
      out.flush();
      await(
          () -> folder().files() > 0,
          "the screenshot being received is written to the folder, not kept in memory");
    }
    await(
        () -> folder().files() == 0,
        "the partly received screenshot is deleted when the client hangs up");
  }
}
