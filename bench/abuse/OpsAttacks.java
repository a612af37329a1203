package abuse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import static abuse.Abuse.*;
import static abuse.Http.*;
import static abuse.Probe.*;

/**
 * Issue 21's operations rows: F1 (made-up HTTP methods must not grow /metrics or the log) and F13
 * (an over-limit body gets its 413, never a reset). Each runs a bounded load while chat is probed
 * from other addresses, until at least 100 probes were sent.
 */
final class OpsAttacks {
  private OpsAttacks() {}

  /** The longest a load runs; it stops sooner once 100 chat probes were sent during it. */
  static final long LOAD_NANOS = 60_000_000_000L;

  /**
   * F1: up to 30,000 connections until 100 chat probes were sent (60 s at most), each a made-up method (a third with 2 KB of Z), 4 at a
   * time.
   */
  static Result madeUpMethods() throws Exception {
    int metricsBefore = get("/metrics", null).body().length;
    long logBefore = logSize();
    long deadline = System.nanoTime() + LOAD_NANOS;
    int probes = PROBES.get();
    Probed<List<Integer>> p = probed(() -> parallel(4, 30_000, i -> {
      if (System.nanoTime() > deadline || PROBES.get() - probes > MIN_PROBES) {
        return 0;
      }
      String method = "M" + i + (i % 3 == 0 ? "Z".repeat(2_000) : "");
      String path = i % 2 == 0 ? "/api/chat" : "/nothing-" + i;
      String answer = rawOrEmpty((method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return answer.length() > 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }));
    List<Integer> sent = p.value().stream().filter(s -> s != 0).toList();
    Reply metrics = get("/metrics", null);
    int grown = metrics.body().length - metricsBefore;
    sleep(500); // request lines are written by a background thread
    long logBytes = logSize() - logBefore;
    double perLine = logBytes / (double) Math.max(1, sent.size() + p.ms().size() + p.failed());
    boolean held = alive() && metrics.status() == 200 && !metrics.text().contains("ZZZZ")
        && grown < 20_000 && perLine < 400
        && sent.stream().allMatch(s -> s == 404 || s == 405)
        && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d made-up methods %s; /metrics grew %d B (%d B now), log %.0f B per request; %s",
        sent.size(), counts(sent), grown, metrics.body().length, perLine, p.chat()));
  }

  /**
   * F13: up to 40,000 chat bodies of 200 KB and 900 KB (over the 64 KB limit) from new addresses, 4 at a time,
   * until 100 chat probes were sent (60 s at most); every one must get 413 {@code payload_too_large}, none a network error.
   */
  static Result overLimitBodies() throws Exception {
    // One body is made once: a fresh 900 KB string per request would only load this JVM.
    String small = "{\"message\":\"" + "a".repeat(200_000) + "\"}";
    String large = "{\"message\":\"" + "a".repeat(900_000) + "\"}";
    long deadline = System.nanoTime() + LOAD_NANOS;
    int probes = PROBES.get();
    AtomicLong bytes = new AtomicLong();
    Probed<List<Integer>> p = probed(() -> parallel(4, 40_000, i -> {
      if (System.nanoTime() > deadline || PROBES.get() - probes > MIN_PROBES) {
        return 0;
      }
      String body = i % 4 == 0 ? large : small;
      bytes.addAndGet(body.length());
      try {
        Reply r = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/chat"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)), client(), 15);
        return r.status() == 413 && r.text().contains("payload_too_large") ? 413 : r.status();
      } catch (Exception networkError) {
        return -1;
      }
    }));
    List<Integer> sent = p.value().stream().filter(s -> s != 0).toList();
    boolean held = alive() && !sent.isEmpty() && sent.stream().allMatch(s -> s == 413)
        && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d over-limit bodies (%d MB) %s (-1: no answer); %s",
        sent.size(), bytes.get() / MB, counts(sent), p.chat()));
  }

  private static String rawOrEmpty(byte[] request) {
    try {
      return raw(request);
    } catch (Exception e) {
      return "";
    }
  }
}
