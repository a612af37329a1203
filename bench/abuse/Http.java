package abuse;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import static abuse.Abuse.*;
import static abuse.Probe.*;

/** Requests as the attacks and probes send them: with a client address, raw bytes, or many at once. */
final class Http {
  private Http() {}

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  static final AtomicInteger CLIENTS = new AtomicInteger();

  record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    boolean jsonError() {
      return text().startsWith("{\"error\"");
    }
  }

  // ---- HTTP --------------------------------------------------------------------------------------

  static Reply send(HttpRequest.Builder b, String xff, int timeoutSeconds) throws Exception {
    if (xff != null) {
      b.header("X-Forwarded-For", xff);
    }
    HttpResponse<byte[]> r = HTTP.send(b.timeout(Duration.ofSeconds(timeoutSeconds)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers().map(), r.body());
  }

  static Reply get(String path, String xff) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), xff, 10);
  }

  /** The {@code Authorization} header's value for HTTP Basic. */
  static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A staff API call with HTTP Basic; {@code json} is the body (null: none). */
  static Reply asStaff(String user, String password, String method, String path, String json, String xff)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b, xff, 30);
  }

  static Reply post(String path, String xff, String type, byte[] body, int timeoutSeconds) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return send(b, xff, timeoutSeconds);
  }

  static Reply postJson(String path, String xff, String json) throws Exception {
    return post(path, xff, "application/json", json.getBytes(StandardCharsets.UTF_8), 10);
  }

  static String vote(String query) throws Exception {
    return JSON.createObjectNode().put("entryId", ENTRY).put("helpful", true).put("lang", "nb").put("query", query)
        .toString();
  }

  static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  static Reply login(String xff, String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "faqbot_login=abuse")
        .POST(HttpRequest.BodyPublishers.ofString(form("_csrf", "abuse", "user", user, "password", password))),
        xff, 30);
  }

  /** A multipart/form-data body, as a browser builds it. */
  static final class Multi {
    final String boundary = "----abuse" + System.nanoTime();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multi field(String name, String value) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
          + "\r\n").getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Multi file(String name, byte[] data) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"screenshots\"; filename=\"" + name
          + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(data);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    byte[] body() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(out.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return all.toByteArray();
    }

    Reply post(String path, String xff) throws Exception {
      return Http.post(path, xff, "multipart/form-data; boundary=" + boundary, body(), 120);
    }
  }

  /**
   * Sends raw bytes on a new connection and returns what comes back before it closes (or 5 s pass).
   * Read while writing: the server may answer and close before taking all of an oversized request.
   */
  static String raw(byte[] request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try {
          InputStream in = s.getInputStream();
          byte[] buf = new byte[8192];
          for (int n; (n = in.read(buf)) > 0; ) {
            synchronized (got) {
              got.write(buf, 0, n);
            }
          }
        } catch (Exception e) {
          // timeout or reset: what arrived is the answer
        }
      });
      reader.start();
      try {
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < request.length; i += 4096) {
          out.write(request, i, Math.min(4096, request.length - i));
        }
        out.flush();
      } catch (Exception e) {
        // the server closed early, having answered
      }
      reader.join(6000);
      synchronized (got) {
        return got.toString(StandardCharsets.ISO_8859_1);
      }
    }
  }

  static <T> List<T> parallel(int threads, int count, java.util.function.IntFunction<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.apply(n)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The sum of a Prometheus metric's samples on /metrics (0 when absent). */
  static double metric(String name) throws Exception {
    double sum = 0;
    for (String line : get("/metrics", null).text().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Waits (at most 15 s) until the event writer has stored everything queued. */
  static void eventsStored() throws Exception {
    for (int i = 0; i < 150 && metric("faqbot_events_queued") > 0; i++) {
      sleep(100);
    }
    sleep(300); // the last batch is taken off the queue before its transaction commits
  }

  /** Every file under the server's data folder (the event store and its write-ahead log). */
  static List<java.nio.file.Path> dataFiles() throws Exception {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(work.resolve("data"))) {
      return files.filter(java.nio.file.Files::isRegularFile).toList();
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int status(Callable<Reply> call) {
    try {
      return call.call().status();
    } catch (Exception e) {
      return -1;
    }
  }

  static String counts(List<Integer> statuses) {
    Map<Integer, Long> by = new java.util.TreeMap<>();
    statuses.forEach(s -> by.merge(s, 1L, Long::sum));
    return by.toString().replace(" ", "");
  }
}
