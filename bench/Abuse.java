// The attacks of bench/abuse.sh (issue 15), one per row of its table, against a running server.
// Run by the script: java -cp target/faqbot.jar bench/Abuse.java BASE PID WORK ROW...
// Every attack is bounded in count and time and goes to loopback only. Clients are told apart by
// X-Forwarded-For (the server is started with FAQBOT_TRUSTED_PROXIES=127.0.0.1): the attacker uses
// its own address, and each chat probe, which must answer in under 100 ms during the attack, another.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

public class Abuse {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENTRY = "api-credentials";
  static final String SUPPORT = "product-upgrade-support@klarna.com";
  static final double CHAT_MS = 100;
  static final int MB = 1024 * 1024;
  static String base;
  static int port;
  static long pid;
  static Path work;
  static String staffPassword;
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

  /** What an attack found: held or not, and what it measured. */
  record Result(boolean held, String figure) {}

  public static void main(String[] args) throws Exception {
    base = args[0];
    port = URI.create(base).getPort();
    pid = Long.parseLong(args[1]);
    work = Path.of(args[2]);
    staffPassword = System.getenv().getOrDefault("ABUSE_STAFF_PASSWORD", "");
    boolean allHeld = true;
    for (String row : List.of(args).subList(3, args.length)) {
      Result r;
      long started = System.nanoTime();
      try {
        r = run(row);
      } catch (Exception | Error e) {
        r = new Result(false, "attack broke off: " + e);
      }
      allHeld &= r.held();
      System.out.printf(Locale.ROOT, "%-11s %-6s  %s; %s; %.0f s%n", label(row), r.held() ? "held" : "FAILED",
          r.figure(), memory(), (System.nanoTime() - started) / 1e9);
    }
    System.exit(allHeld ? 0 : 1);
  }

  static String label(String row) {
    return row.matches("\\d+[ab]?") ? "row " + row : row;
  }

  static Result run(String row) throws Exception {
    return switch (row) {
      case "1" -> loginTable();
      case "2" -> slowBodies();
      case "3" -> largeUploads();
      case "4" -> redaction();
      case "5" -> feedbackFlood();
      case "6" -> sendLimit();
      case "6b" -> replyToPosing();
      case "8" -> loginTiming();
      case "9" -> hangUps();
      case "10" -> jettyErrors();
      case "11" -> strictJson();
      case "12" -> unwritableData();
      case "13" -> securityHeaders();
      case "14" -> flowSecrets();
      case "15" -> proxyLockoutAndInfo();
      case "per-client" -> perClientLimits();
      default -> throw new IllegalArgumentException("no attack '" + row + "'");
    };
  }

  // ---- measuring -------------------------------------------------------------------------------

  /** A new client address, never used before: 10.x.y.z. */
  static String client() {
    int n = CLIENTS.incrementAndGet();
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  /** Chat questions from other clients every 100 ms while {@code attack} runs. */
  static <T> Probed<T> probed(Callable<T> attack) throws Exception {
    List<Double> ms = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    Thread probe = new Thread(() -> {
      while (!done.get()) {
        long t = System.nanoTime();
        try {
          if (probeChat() == 200) {
            ms.add((System.nanoTime() - t) / 1e6);
          } else {
            failed.incrementAndGet();
          }
        } catch (Exception e) {
          failed.incrementAndGet();
        }
        sleep(100);
      }
    });
    probe.start();
    T value;
    try {
      value = attack.call();
    } finally {
      done.set(true);
      probe.join();
    }
    return new Probed<>(value, ms, failed.get());
  }

  /**
   * One chat question on a new connection, as a client that has not talked to the server before
   * (a kept-alive connection can be served where a new one waits); the status, or -1 after 5 s.
   */
  static int probeChat() throws Exception {
    byte[] body = "{\"message\":\"hvor finner jeg API-nøkkelen\",\"lang\":\"nb\"}".getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Forwarded-For: " + client()
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    } catch (java.net.SocketTimeoutException e) {
      return -1;
    }
  }

  record Probed<T>(T value, List<Double> ms, int failed) {
    double p90() {
      List<Double> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1));
    }

    double max() {
      return ms.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    }

    boolean chatHeld() {
      return failed == 0 && !ms.isEmpty() && p90() < CHAT_MS;
    }

    String chat() {
      return String.format(Locale.ROOT, "chat p90 %.0f ms max %.0f ms (%d probes, %d failed)", p90(), max(),
          ms.size() + failed, failed);
    }
  }

  /** The live heap after a full collection, and the process's resident memory. */
  static String memory() {
    try {
      long heap = liveHeapKb();
      long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
      return String.format(Locale.ROOT, "heap after %d MB, RSS %d MB", heap / 1024, rss / 1024);
    } catch (Exception e) {
      return "server gone (" + e.getMessage() + ")";
    }
  }

  static long liveHeapKb() throws Exception {
    jcmd("GC.run");
    long used = 0;
    for (String line : jcmd("GC.heap_info").split("\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(PSYoungGen|ParOldGen).*used (\\d+)K").matcher(line);
      if (m.find()) {
        used += Long.parseLong(m.group(2));
      }
    }
    return used;
  }

  static String jcmd(String command) throws Exception {
    Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  static boolean alive() {
    try {
      return get("/health", client()).status() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  static long logSize() throws Exception {
    return Files.size(work.resolve("server.log"));
  }

  static String logSince(long offset) throws Exception {
    byte[] all = Files.readAllBytes(work.resolve("server.log"));
    return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
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

  static Reply post(String path, String xff, String type, byte[] body, int timeoutSeconds) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return send(b, xff, timeoutSeconds);
  }

  static Reply postJson(String path, String xff, String json) throws Exception {
    return post(path, xff, "application/json", json.getBytes(StandardCharsets.UTF_8), 10);
  }

  static String vote(String query) throws Exception {
    ObjectNode v = JSON.createObjectNode().put("entryId", ENTRY).put("helpful", true).put("lang", "nb").put("query", query);
    return v.toString();
  }

  static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  static Reply login(String xff, String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "faqbot_login=abuse")
        .POST(HttpRequest.BodyPublishers.ofString(form("_csrf", "abuse", "user", user, "password", password))), xff, 30);
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
      return Abuse.post(path, xff, "multipart/form-data; boundary=" + boundary, body(), 120);
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

  // ---- the attacks ---------------------------------------------------------------------------------

  /** Row 1: failed logins with ~60 KB user names, each from another address; the server must not keep them. */
  static Result loginTable() throws Exception {
    long before = liveHeapKb();
    long deadline = System.nanoTime() + 30_000_000_000L;
    String longName = "u".repeat(60_000);
    Probed<List<Integer>> p = probed(() -> parallel(4, 4500, i -> System.nanoTime() > deadline ? 0
        : status(() -> login(client(), i + longName, "wrong"))));
    List<Integer> sent = p.value().stream().filter(s -> s != 0).toList();
    long grown = Math.max(0, liveHeapKb() - before);
    double perLogin = grown * 1024.0 / Math.max(1, sent.size());
    boolean held = alive() && perLogin < 2048 && sent.stream().noneMatch(s -> s >= 500 || s < 0) && p.chatHeld();
    return new Result(held, String.format(Locale.ROOT, "%d failed logins of 60 KB names %s, heap kept %.0f B per login; %s",
        sent.size(), counts(sent), perLogin, p.chat()));
  }

  /** Row 2: bodies that arrive one byte at a time on chat, feedback and login; chat must still answer. */
  static Result slowBodies() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    String[] paths = {"/api/chat", "/api/feedback", "/staff/login"};
    try {
      Probed<Integer> p = probed(() -> {
        for (int i = 0; i < 40; i++) {
          Socket s = new Socket("127.0.0.1", port);
          sockets.add(s);
          String type = paths[i % 3].startsWith("/staff") ? "application/x-www-form-urlencoded" : "application/json";
          s.getOutputStream().write(("POST " + paths[i % 3] + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + client()
              + "\r\nContent-Type: " + type + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        }
        for (int second = 0; second < 12; second++) {
          for (Socket s : sockets) {
            try {
              s.getOutputStream().write(' ');
            } catch (Exception closedByServer) {
              // the server gave up on it: that is allowed
            }
          }
          sleep(1000);
        }
        return sockets.size();
      });
      return new Result(alive() && p.chatHeld(), p.value() + " connections sending 1 byte/s for 12 s; " + p.chat());
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** Row 3: ten support e-mails at the limits (5 x 5 MB) at once; every 200 must be the whole e-mail. */
  static Result largeUploads() throws Exception {
    Random random = new Random(3);
    Multi m = new Multi().field("merchantEmail", "butikk@example.no").field("description", "Kassen feiler");
    List<String> sums = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] shot = new byte[5 * MB];
      random.nextBytes(shot);
      System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, shot, 0, 8);
      m.file("shot" + i + ".png", shot);
      sums.add(sha(shot));
    }
    Path body = work.resolve("upload-body");
    Files.write(body, m.body());
    Collections.sort(sums);
    Probed<List<String>> p = probed(() -> parallel(10, 10, i -> {
      try {
        Path out = work.resolve("support-" + i + ".eml");
        HttpResponse<Path> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/support-email"))
            .header("Content-Type", "multipart/form-data; boundary=" + m.boundary).header("X-Forwarded-For", client())
            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofFile(body)).build(),
            HttpResponse.BodyHandlers.ofFile(out));
        if (r.statusCode() != 200) {
          String text = Files.readString(out);
          Files.delete(out);
          return r.statusCode() + (text.startsWith("{\"error\"") ? "" : " (not {\"error\"})");
        }
        return "200";
      } catch (Exception e) {
        return "broken: " + e;
      }
    }));
    // Checked after the attack, so that parsing 10 e-mails does not take the probe's CPU.
    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < p.value().size(); i++) {
      Path out = work.resolve("support-" + i + ".eml");
      statuses.add(p.value().get(i).equals("200") && !attachments(out).equals(sums) ? "200 INCOMPLETE" : p.value().get(i));
      Files.deleteIfExists(out);
    }
    Files.delete(body);
    long left = 0;
    for (int i = 0; i < 40 && (left = uploadFilesLeft()) > 0; i++) {
      sleep(100);
    }
    Map<String, Long> by = new java.util.TreeMap<>();
    statuses.forEach(s -> by.merge(s, 1L, Long::sum));
    boolean ok = statuses.stream().allMatch(s -> s.equals("200") || s.equals("503") || s.equals("429"));
    return new Result(ok && left == 0 && alive() && p.chatHeld(), String.format(Locale.ROOT,
        "10 x (5 x 5 MB) at once: %s, upload files left %d; %s", by.toString().replace(" ", ""), left, p.chat()));
  }

  static long uploadFilesLeft() throws Exception {
    try (Stream<Path> dirs = Files.list(work.resolve("tmp"))) {
      long n = 0;
      for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("faqbot-uploads")).toList()) {
        try (Stream<Path> files = Files.list(d)) {
          n += files.count();
        }
      }
      return n;
    }
  }

  /** SHA-256 of each attachment of the e-mail in {@code eml}, sorted. */
  static List<String> attachments(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      List<String> sums = new ArrayList<>();
      collect(message, sums);
      Collections.sort(sums);
      return sums;
    }
  }

  static void collect(Part part, List<String> sums) throws Exception {
    if (part.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        collect(mp.getBodyPart(i), sums);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      try (InputStream in = part.getInputStream()) {
        sums.add(sha(in.readAllBytes()));
      }
    }
  }

  static String sha(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  static final Map<String, String> SECRETS = Map.of(
      "Passordet er Sol7Regn1x", "Sol7Regn1x",
      "{\"password\":\"Pw-9283-json\"}", "Pw-9283-json",
      "curl -u shopuser:CurlPass771 https://api.example.com/orders", "CurlPass771",
      "https://admin:UrlPass552@shop.example/wp-admin", "UrlPass552",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrbGFybmEtc2hvcCJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

  /** Row 4: common ways of writing a secret, in a support e-mail and in feedback. */
  static Result redaction() throws Exception {
    List<String> leaked = new ArrayList<>();
    Path feedback = work.resolve("data/feedback.jsonl");
    for (Map.Entry<String, String> s : SECRETS.entrySet()) {
      Reply mail = new Multi().field("merchantEmail", "butikk@example.no").field("description", "Det feiler. " + s.getKey())
          .post("/api/support-email?format=json", client());
      if (mail.status() != 200 || mail.text().contains(s.getValue())) {
        leaked.add("e-mail " + mail.status() + ": " + s.getValue());
      }
      Reply vote = postJson("/api/feedback", client(), vote("hjelp " + s.getKey()));
      if (vote.status() != 201 || (Files.exists(feedback) && Files.readString(feedback).contains(s.getValue()))) {
        leaked.add("feedback " + vote.status() + ": " + s.getValue());
      }
    }
    return new Result(leaked.isEmpty(), SECRETS.size() + " secret forms in e-mail and feedback, leaked: "
        + (leaked.isEmpty() ? "none" : String.join(", ", leaked)));
  }

  /** Row 5: a vote another site could post (text/plain), and 10,000 votes of 2,000 characters. */
  static Result feedbackFlood() throws Exception {
    Reply crossSite = post("/api/feedback", client(), "text/plain", vote("fra en annen side").getBytes(StandardCharsets.UTF_8), 10);
    String query = "x".repeat(1990);
    Probed<List<Integer>> p = probed(() -> parallel(8, 10_000, i -> status(() -> postJson("/api/feedback", client(),
        vote(i + query)))));
    long total = 0;
    int lines = 0;
    int cut = 0;
    try (Stream<Path> files = Files.list(work.resolve("data"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("feedback")).toList()) {
        total += Files.size(f);
        for (String line : Files.readAllLines(f)) {
          lines++;
          try {
            JSON.readTree(line).path("entryId").asText();
          } catch (Exception e) {
            cut++;
          }
        }
      }
    }
    boolean bounded = total <= 2 * 10 * MB + 8192;
    boolean held = crossSite.status() == 415 && bounded && cut == 0 && alive() && p.chatHeld()
        && p.value().stream().noneMatch(s -> s >= 500 && s != 503 || s < 0);
    return new Result(held, String.format(Locale.ROOT, "text/plain vote -> %d; 10,000 votes %s -> files %.1f MB "
        + "(cap 2 x 10 MB), %d lines, %d cut; %s", crossSite.status(), counts(p.value()), total / (double) MB, lines, cut,
        p.chat()));
  }

  /** Row 6: a hundred sends in a row from one client must meet a limit (409 without SMTP, 429 when limited). */
  static Result sendLimit() throws Exception {
    String attacker = client();
    List<Integer> statuses = new ArrayList<>();
    String retryAfter = null;
    for (int i = 0; i < 100; i++) {
      Reply r = new Multi().field("merchantEmail", "butikk@example.no").field("description", "send " + i)
          .post("/api/support-email/send", attacker);
      statuses.add(r.status());
      if (r.status() == 429 && retryAfter == null) {
        retryAfter = r.header("Retry-After");
      }
    }
    long passed = statuses.stream().filter(s -> s != 429).count();
    return new Result(retryAfter != null && passed <= 20, "100 sends from one client " + counts(statuses)
        + ", Retry-After " + retryAfter);
  }

  /** Row 6, second half: merchantEmail that would make Reply-To pose as support. */
  static Result replyToPosing() throws Exception {
    List<String> posing = List.of("\"Klarna Support\" <" + SUPPORT + ">", "Support <evil@example.com>", SUPPORT,
        "evil@example.com (" + SUPPORT + ")", "butikk@example.no, " + SUPPORT, "\"" + SUPPORT + "\"@evil.example");
    List<String> accepted = new ArrayList<>();
    for (String address : posing) {
      Reply r = new Multi().field("merchantEmail", address).post("/api/support-email?format=json", client());
      if (r.status() != 400 || !r.jsonError()) {
        accepted.add(r.status() + " " + address);
      }
    }
    return new Result(accepted.isEmpty(), posing.size() + " posing merchantEmail values, accepted: "
        + (accepted.isEmpty() ? "none (all 400)" : String.join("; ", accepted)));
  }

  /** Row 8: a wrong password for the real user and for an unknown one must take about as long. */
  static Result loginTiming() throws Exception {
    List<Double> real = new ArrayList<>();
    List<Double> unknown = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long t = System.nanoTime();
      login(client(), i % 2 == 0 ? "staff" : "nobody" + i, "wrong-password");
      (i % 2 == 0 ? real : unknown).add((System.nanoTime() - t) / 1e6);
    }
    double a = median(real);
    double b = median(unknown);
    boolean held = Math.abs(a - b) < Math.max(5, 0.25 * Math.max(a, b));
    return new Result(held, String.format(Locale.ROOT, "wrong password: real user median %.1f ms, unknown user %.1f ms",
        a, b));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** Row 9: clients that hang up mid-body must not flood the log with stack traces. */
  static Result hangUps() throws Exception {
    long logBefore = logSize();
    String[] paths = {"/api/chat", "/api/feedback", "/api/support-email"};
    for (int i = 0; i < 150; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        String path = paths[i % 3];
        String type = path.contains("support") ? "multipart/form-data; boundary=xyz" : "application/json";
        s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + client()
            + "\r\nContent-Type: " + type + "\r\nContent-Length: 100000\r\n\r\n"
            + (path.contains("support") ? "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" : "{\"message\":\""))
            .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(new byte[2000]);
        s.getOutputStream().flush();
        sleep(5);
        s.setSoLinger(true, 0); // reset, as a dropped connection does
      }
    }
    sleep(1500);
    String added = logSince(logBefore);
    long frames = added.lines().filter(l -> l.startsWith("\tat ")).count();
    long lines = added.lines().count();
    return new Result(frames == 0 && lines <= 150 && alive(), String.format(Locale.ROOT,
        "150 hang-ups mid-body: log +%d bytes, %d lines, %d stack frames", added.length(), lines, frames));
  }

  /** Row 10: errors Jetty raises itself must come back as {"error": ...} too. */
  static Result jettyErrors() throws Exception {
    Map<String, String> answers = new java.util.LinkedHashMap<>();
    answers.put("414", raw(("GET /api/search?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII)));
    answers.put("431", raw(("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100_000) + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII)));
    answers.put("400", raw("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII)));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> a : answers.entrySet()) {
      String response = a.getValue();
      int split = response.indexOf("\r\n\r\n");
      String status = response.length() > 12 ? response.substring(9, 12) : "none";
      String body = split < 0 ? "" : response.substring(split + 4).strip();
      if (!status.startsWith("4") || !(body.startsWith("{\"error\"") || body.matches("(?s)[0-9a-fA-F]+\r?\n\\{\"error\".*"))) {
        wrong.add(a.getKey() + " got " + status + " " + body.substring(0, Math.min(30, body.length())).replaceAll("\\s+", " "));
      }
    }
    return new Result(wrong.isEmpty(), "URI too long, header too large, bad Content-Length: "
        + (wrong.isEmpty() ? "all {\"error\"}" : String.join("; ", wrong)));
  }

  /** Row 11: chat and feedback take application/json only, and only one JSON value. */
  static Result strictJson() throws Exception {
    byte[] chat = "{\"message\":\"hei\",\"lang\":\"nb\"}".getBytes(StandardCharsets.UTF_8);
    byte[] feedback = vote("hei").getBytes(StandardCharsets.UTF_8);
    Map<String, Integer> got = new java.util.LinkedHashMap<>();
    got.put("chat text/plain", post("/api/chat", client(), "text/plain", chat, 10).status());
    got.put("chat + garbage", post("/api/chat", client(), "application/json", (new String(chat) + " garbage").getBytes(), 10).status());
    got.put("feedback form", post("/api/feedback", client(), "application/x-www-form-urlencoded", feedback, 10).status());
    got.put("feedback + garbage", post("/api/feedback", client(), "application/json", (new String(feedback) + "}{").getBytes(), 10).status());
    boolean held = got.get("chat text/plain") == 415 && got.get("feedback form") == 415
        && got.get("chat + garbage") == 400 && got.get("feedback + garbage") == 400;
    return new Result(held, got.toString().replace("=", " -> "));
  }

  /** Row 12: the data folder cannot be written: a clear 503, logged once, shown on /health. */
  static Result unwritableData() throws Exception {
    Path data = work.resolve("data");
    Path moved = work.resolve("data.moved");
    long logBefore = logSize();
    Files.move(data, moved);
    Files.writeString(data, "a file where the data folder should be");
    List<Integer> statuses = new ArrayList<>();
    boolean allJson = true;
    String health;
    try {
      for (int i = 0; i < 20; i++) {
        Reply r = postJson("/api/feedback", client(), vote("uskrivbar " + i));
        statuses.add(r.status());
        allJson &= r.jsonError();
      }
      health = get("/health", client()).text();
    } finally {
      Files.delete(data);
      Files.move(moved, data);
    }
    String added = logSince(logBefore);
    long frames = added.lines().filter(l -> l.startsWith("\tat ")).count();
    long lines = added.lines().count();
    boolean shown = health.contains("\"data\":\"unwritable\"");
    boolean held = statuses.stream().allMatch(s -> s == 503) && allJson && frames == 0 && lines <= 2 && shown;
    return new Result(held, String.format(Locale.ROOT, "20 votes %s, log +%d lines (%d stack frames), /health data %s",
        counts(statuses), lines, frames, shown ? "unwritable" : "not shown"));
  }

  /** Row 13: every HTML page forbids framing and sniffing and has a Content-Security-Policy. */
  static Result securityHeaders() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String page : List.of("/", "/staff/login")) {
      Reply r = get(page, client());
      String csp = r.header("Content-Security-Policy");
      if (csp == null) {
        missing.add(page + " CSP");
      }
      if (r.header("X-Frame-Options") == null && (csp == null || !csp.contains("frame-ancestors"))) {
        missing.add(page + " frame protection");
      }
      if (!"nosniff".equalsIgnoreCase(String.valueOf(r.header("X-Content-Type-Options")))) {
        missing.add(page + " nosniff");
      }
    }
    return new Result(missing.isEmpty(), "/ and /staff/login, missing: " + (missing.isEmpty() ? "none" : String.join(", ", missing)));
  }

  /** Row 14: a password typed into a flow form must not travel back in the state or the collected values. */
  static Result flowSecrets() throws Exception {
    String xff = client();
    JsonNode reply = JSON.readTree(postJson("/api/chat", xff,
        "{\"message\":\"testkjøpet feiler hele tiden etter at vi installerte den nye pluginen\",\"lang\":\"nb\"}").body());
    for (int i = 0; i < 20 && !reply.path("flow").path("kind").asText().equals("form"); i++) {
      JsonNode options = reply.path("flow").path("options");
      ObjectNode body = JSON.createObjectNode();
      body.put("choice", reply.path("flow").path("kind").asText().equals("info") ? "not-helped"
          : options.get(options.size() - 1).path("id").asText());
      body.set("state", reply.path("state"));
      reply = JSON.readTree(postJson("/api/chat", xff, body.toString()).body());
    }
    if (!reply.path("flow").path("kind").asText().equals("form")) {
      return new Result(false, "could not reach the flow's form: " + reply.toString().substring(0, Math.min(200, reply.toString().length())));
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("state", reply.path("state"));
    body.putObject("fields").put("storeId", "K123456").put("merchantEmail", "butikk@example.no").put("errorCode", "BAD_VALUE")
        .put("httpStatus", "401").put("correlationId", "7f3c2a1e-9b1d-4c55").put("platform", "WooCommerce")
        .put("description", "Kassen feiler, passord: FlowPw8841x");
    Reply r = postJson("/api/chat", xff, body.toString());
    boolean leaked = r.text().contains("FlowPw8841x");
    return new Result(r.status() == 200 && !leaked, "form with a password in description -> " + r.status() + ", password "
        + (leaked ? "LEAKED in the reply/state" : "not in the reply or state") + " (expiry: see the flow tests)");
  }

  /** Row 15: lockout behind a proxy, failed logins logged, no file paths on /health, 405 for a wrong method. */
  static Result proxyLockoutAndInfo() throws Exception {
    long logBefore = logSize();
    String attacker = client();
    for (int i = 0; i < 30; i++) {
      login(attacker, "staff", "wrong" + i);
    }
    int staff = login(client(), "staff", staffPassword).status();
    boolean logged = logSince(logBefore).toLowerCase(Locale.ROOT).contains("login");
    String health = get("/health", client()).text();
    boolean paths = health.matches("(?s).*(content/|\\.md|\\.ya?ml).*");
    Reply delete = send(HttpRequest.newBuilder(URI.create(base + "/api/chat")).DELETE(), client(), 10);
    boolean held = staff == 303 && logged && !paths && delete.status() == 405 && delete.jsonError();
    return new Result(held, String.format(Locale.ROOT, "staff login after 30 failures from another client -> %d, "
        + "failed logins logged %s, /health file paths %s, DELETE /api/chat -> %d", staff, logged ? "yes" : "no",
        paths ? "SHOWN" : "none", delete.status()));
  }

  /** Per-client limits: one client asking too often meets 429 with Retry-After; others are served. */
  static Result perClientLimits() throws Exception {
    Map<String, String> found = new java.util.LinkedHashMap<>();
    boolean held = true;
    for (String route : List.of("/api/chat", "/api/suggest", "/api/feedback")) {
      String xff = client();
      List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
      ConcurrentLinkedQueue<String> retry = new ConcurrentLinkedQueue<>();
      Probed<List<Integer>> p = probed(() -> parallel(4, 400, i -> {
        try {
          Reply r = switch (route) {
            case "/api/chat" -> postJson(route, xff, "{\"message\":\"hvor finner jeg API-nøkkelen\",\"lang\":\"nb\"}");
            case "/api/suggest" -> get(route + "?q=api&lang=nb", xff);
            default -> postJson(route, xff, vote("igjen"));
          };
          if (r.status() == 429 && r.header("Retry-After") != null && r.jsonError()) {
            retry.add(r.header("Retry-After"));
          }
          return r.status();
        } catch (Exception e) {
          return -1;
        }
      }));
      statuses.addAll(p.value());
      boolean limited = !retry.isEmpty();
      held &= limited && p.chatHeld();
      found.put(route, counts(statuses) + (limited ? " Retry-After " + retry.peek() : " no 429") + ", " + p.chat());
    }
    return new Result(held, "400 requests from one client: " + found.toString().replace("=", ": "));
  }
}
