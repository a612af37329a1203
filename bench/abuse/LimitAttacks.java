package abuse;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import static abuse.Abuse.*;
import static abuse.Http.*;
import static abuse.Probe.*;

/**
 * Issue 21's rows F3 (picks), F7 (slow uploads), F8 (the store goes away), F10 (an IPv6 /64). Each
 * attack keeps going until at least 100 chat probes from separate addresses have been answered (or
 * 45 s pass), so every row has its latency figure from during the attack.
 */
final class LimitAttacks {
  private LimitAttacks() {}

  /** F3: one client opens entries its conversation was never shown, as fast as it can. */
  static Result picks() throws Exception {
    String attacker = client();
    String conversation = "abuse" + Long.toHexString(System.nanoTime());
    double refusedBefore = metric("faqbot_events_refused_total");
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    Probed<Integer> p = during(more -> {
      try {
        while (more.getAsBoolean()) {
          statuses.addAll(parallel(8, 200, i -> status(() -> get("/api/entries/" + ENTRY + "?lang=nb&conversation="
              + conversation, attacker))));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return statuses.size();
    });
    double refused = metric("faqbot_events_refused_total") - refusedBefore;
    long ok = statuses.stream().filter(s -> s == 200).count();
    long limited = statuses.stream().filter(s -> s == 429).count();
    boolean held = p.chatHeld99() && limited > 0 && ok <= 250 && refused >= ok - 1;
    return new Result(held, String.format(Locale.ROOT, "%d entry requests from one client %s, picks refused %.0f "
        + "(none recorded: never shown); %s", statuses.size(), counts(statuses), refused, p.chat()));
  }

  /** F7: 16 uploads at 1 KB/s from one client and 16 from others, then a real support e-mail. */
  static Result slowUploads() throws Exception {
    long logFrom = logSize();
    List<Socket> sockets = new ArrayList<>();
    String one = client();
    List<String> firstAnswers = Collections.synchronizedList(new ArrayList<>());
    try {
      Probed<String> p = during(more -> {
        try {
          for (int i = 0; i < 32; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(200);
            sockets.add(s);
            s.getOutputStream().write(("POST /api/support-email?format=json HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: " + (i < 16 ? one : client()) + "\r\n"
                + "Content-Type: multipart/form-data; boundary=xx\r\nContent-Length: 400000\r\n\r\n--xx\r\n"
                + "Content-Disposition: form-data; name=\"description\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          long started = System.nanoTime();
          String real = null;
          while (more.getAsBoolean() || System.nanoTime() - started < 15_000_000_000L) {
            for (Socket s : sockets) {
              try {
                s.getOutputStream().write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
              } catch (Exception closedByServer) {
                // refused: allowed
              }
            }
            if (real == null && System.nanoTime() - started > 2_000_000_000L) {
              long t = System.nanoTime();
              Reply r = new Multi().field("merchantEmail", "butikk@example.no").field("description", "Kassen feiler")
                  .post("/api/support-email?format=json", client());
              real = r.status() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms";
            }
            sleep(100);
          }
          for (Socket s : sockets) {
            firstAnswers.add(firstLine(s));
          }
          return real;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String log = logSince(logFrom);
      long stackFrames = log.lines().filter(l -> l.strip().startsWith("at ")).count();
      long npe = log.lines().filter(l -> l.contains("NullPointerException")).count();
      List<Integer> statuses = firstAnswers.stream().map(a -> a.length() >= 12 ? Integer.parseInt(a.substring(9, 12)) : 0)
          .toList();
      boolean noServerError = statuses.stream().noneMatch(s -> s >= 500);
      boolean held = p.chatHeld99() && p.value() != null && p.value().startsWith("200") && noServerError
          && statuses.stream().filter(s -> s == 429).count() >= 14 && stackFrames == 0 && npe == 0;
      return new Result(held, String.format(Locale.ROOT, "32 uploads at 1 KB/s (16 from one client): %s; a real "
          + "support e-mail meanwhile: %s; log: %d stack frames, %d NPE; %s", counts(statuses), p.value(),
          stackFrames, npe, p.chat()));
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static String firstLine(Socket s) {
    try {
      s.setSoTimeout(3000);
      byte[] head = new byte[12];
      int n = s.getInputStream().readNBytes(head, 0, 12);
      return new String(head, 0, n, StandardCharsets.US_ASCII);
    } catch (Exception e) {
      return "";
    }
  }

  /** F10: 400+ addresses of one IPv6 /64 each guess the staff password once, 16 at a time. */
  static Result ipv6Network() throws Exception {
    AtomicInteger n = new AtomicInteger();
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    Probed<Integer> p = during(more -> {
      try {
        while (more.getAsBoolean() || statuses.size() < 400) {
          // 16 at a time, as in the issue; a pause between rounds keeps the attacking JVM's own CPU
          // (it shares the two cores) from being what the probes measure.
          statuses.addAll(parallel(16, 16, i -> status(() -> login("2001:db8:abcd:12:" + Integer.toHexString(
              n.incrementAndGet()) + "::1", "staff", "wrong"))));
          sleep(50);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return statuses.size();
    });
    // Turned away: 429 (the /64 is locked out) or 503 (the cap on hashes at once, F10-hash).
    long locked = statuses.stream().filter(s -> s == 429 || s == 503).count();
    int other = get("/health", "2001:db8:abcd:13::1").status();
    boolean held = p.chatHeld99() && locked >= statuses.size() - 10 && other == 200;
    return new Result(held, String.format(Locale.ROOT, "%d wrong passwords from %d addresses of one /64: %s; %s",
        statuses.size(), n.get(), counts(statuses), p.chat()));
  }

  /** F8: a replica on PostgreSQL whose database stops taking connections for the attack, then comes back. */
  static Result storeOutage() throws Exception {
    String db = "faqbot_abuse_" + Long.toHexString(System.nanoTime());
    String admin = "jdbc:postgresql://127.0.0.1:5432/test";
    try (Connection c = DriverManager.getConnection(admin, "postgres", null); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (Exception e) {
      return new Result(false, "no PostgreSQL at 127.0.0.1:5432 to take away: " + e.getMessage());
    }
    int f8Port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      f8Port = free.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseParallelGC", "-jar", "target/faqbot.jar",
        "serve", "--host", "127.0.0.1", "--port", String.valueOf(f8Port), "--index", work.resolve("index-f8").toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("server-f8.log").toFile());
    pb.environment().put("FAQBOT_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db);
    pb.environment().put("FAQBOT_DATABASE_USER", "postgres");
    pb.environment().put("FAQBOT_DATA", work.resolve("data-f8").toString());
    pb.environment().put("FAQBOT_TRUSTED_PROXIES", "127.0.0.1");
    pb.environment().put("FAQBOT_STAFF_PASSWORD", staffPassword);
    pb.environment().put("FAQBOT_LIMIT_FEEDBACK", "off");
    Process replica = pb.start();
    String mainBase = base;
    try {
      base = "http://127.0.0.1:" + f8Port;
      for (int i = 0; i < 600 && status(() -> get("/health/ready", null)) != 200; i++) {
        sleep(100);
      }
      admin(admin, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
      admin(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
      List<Integer> ready = Collections.synchronizedList(new ArrayList<>());
      List<Integer> votes = Collections.synchronizedList(new ArrayList<>());
      List<Double> staffMs = Collections.synchronizedList(new ArrayList<>());
      List<Integer> staffStatus = Collections.synchronizedList(new ArrayList<>());
      Probed<String> p = during(more -> {
        try {
          while (more.getAsBoolean()) {
            outageRound(ready, votes, staffMs, staffStatus);
          }
          return get("/health", null).text();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      admin(admin, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
      // The store is back: the same load while the writer stores what waited, and chat is judged
      // again (the issue exempts only the outage itself from the 100 ms bound).
      List<Integer> readyAfter = Collections.synchronizedList(new ArrayList<>());
      List<Integer> staffAfter = Collections.synchronizedList(new ArrayList<>());
      Probed<String> back = during(more -> {
        try {
          while (more.getAsBoolean()) {
            outageRound(readyAfter, votes, new ArrayList<>(), staffAfter);
          }
          return get("/health", null).text();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long accepted = votes.stream().filter(v -> v == 201).count();
      double dropped = metric("faqbot_events_dropped_total");
      // The writer holds a batch off the queue while it retries: count rows, not the queue.
      long written = 0;
      for (int i = 0; i < 150 && written + dropped < accepted; i++) {
        sleep(200);
        written = votesIn(db);
        dropped = metric("faqbot_events_dropped_total");
      }
      Collections.sort(staffMs);
      double staffP90 = staffMs.isEmpty() ? Double.NaN : staffMs.get((int) Math.ceil(staffMs.size() * 0.9) - 1);
      // The issue exempts F8's own outage from the 100 ms chat bound: there every probe must be
      // answered and the figure is reported; once the store is back, p99 < 100 ms again.
      boolean held = p.failed() == 0 && back.chatHeld99() && ready.stream().allMatch(s -> s == 200)
          && p.value().contains("unreachable") && staffStatus.stream().allMatch(s -> s == 503) && staffP90 < 250
          && back.value().contains("\"store\":\"ok\"") && written + dropped >= accepted && written > 0;
      return new Result(held, String.format(Locale.ROOT, "PostgreSQL away: /health/ready %s, staff %s p90 %.0f ms, "
          + "outage %s (not judged); back: /health/ready %s, staff %s, %s; %d votes accepted in all, %d written, "
          + "%.0f dropped", counts(ready), counts(staffStatus), staffP90, p.chat(), counts(readyAfter),
          counts(staffAfter), back.chat(), accepted, written, dropped));
    } finally {
      base = mainBase;
      replica.destroy();
      replica.waitFor();
      admin(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  /** One round of F8's load: readiness, 20 votes 4 at a time, 16 staff requests at once. */
  private static void outageRound(List<Integer> ready, List<Integer> votes, List<Double> staffMs,
      List<Integer> staffStatus) throws Exception {
    ready.add(status(() -> get("/health/ready", null)));
    votes.addAll(parallel(4, 20, i -> status(() -> postJson("/api/feedback", client(), vote("under brudd")))));
    parallel(16, 16, i -> {
      long t = System.nanoTime();
      int st = status(() -> send(HttpRequest.newBuilder(URI.create(base + "/staff/api/insights")).header(
          "Authorization", basic("staff", staffPassword)).GET(), client(), 10));
      staffMs.add((System.nanoTime() - t) / 1e6);
      staffStatus.add(st);
      return st;
    });
  }

  private static long votesIn(String db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", null);
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM events WHERE kind = 'vote'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void admin(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
