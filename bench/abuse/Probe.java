package abuse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import static abuse.Abuse.*;
import static abuse.Http.*;

/** What is measured during and after an attack: chat from other clients, the heap, the log. */
final class Probe {
  private Probe() {}

  // ---- measuring -------------------------------------------------------------------------------

  /** A new client address, never used before: 10.x.y.z. */
  static String client() {
    int n = CLIENTS.incrementAndGet();
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  /** Chat probes sent so far, for attacks that run until enough have been. */
  static final AtomicInteger PROBES = new AtomicInteger();

  /** Chat questions from other clients every 100 ms while {@code attack} runs. */
  static <T> Probed<T> probed(Callable<T> attack) throws Exception {
    List<Double> ms = Collections.synchronizedList(new ArrayList<>());
    List<String> slow = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    long started = System.nanoTime();
    Thread probe = new Thread(() -> {
      while (!done.get()) {
        try {
          long at = System.nanoTime();
          String[] answered = probeChatTimes();
          double total = answered == null ? -1 : Double.parseDouble(answered[1]) * 1000;
          if (total >= 0) {
            ms.add(total);
          } else {
            failed.incrementAndGet();
          }
          if (total < 0 || total >= CHAT_MS) {
            // Where a slow probe lost its time: connecting (accept), or waiting for the first byte.
            slow.add(String.format(Locale.ROOT, "%s at +%.1f s (connect %.0f ms, first byte %.0f ms)",
                total < 0 ? "failed" : String.format(Locale.ROOT, "%.0f ms", total), (at - started) / 1e9,
                answered == null ? Double.NaN : Double.parseDouble(answered[2]) * 1000,
                answered == null ? Double.NaN : Double.parseDouble(answered[3]) * 1000));
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
    return new Probed<>(value, ms, failed.get(), List.copyOf(slow));
  }

  /**
   * One chat question from a separate curl process on a new connection, as a client that has not
   * talked to the server before (a kept-alive connection can be served where a new one waits);
   * curl times it, so pauses of this JVM (which also runs the attack) do not count. The answer's
   * time in ms, or -1 when it was not a 200 within 5 s.
   */
  static double probeChat() throws Exception {
    String[] out = probeChatTimes();
    return out == null ? -1 : Double.parseDouble(out[1]) * 1000;
  }

  /** A probe's status, total, connect and first-byte times (s, as curl prints them); null unless 200. */
  static String[] probeChatTimes() throws Exception {
    PROBES.incrementAndGet();
    Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--max-time", "5",
        "-w", "%{http_code} %{time_total} %{time_connect} %{time_starttransfer}", "-H", "Content-Type: application/json",
        "-H", "X-Forwarded-For: " + client(),
        "--data-binary", "{\"message\":\"hvor finner jeg API-nøkkelen\",\"lang\":\"nb\"}", base + "/api/chat")
        .redirectErrorStream(true).start();
    String[] out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
    curl.waitFor();
    return out.length == 4 && out[0].equals("200") ? out : null;
  }

  /** Issue 21's bound: at least this many probes during an attack, their p99 under {@link Abuse#CHAT_MS}. */
  static final int MIN_PROBES = 100;

  /**
   * Probes chat while {@code attack} runs; {@code more} is true until {@link #MIN_PROBES} probes were
   * sent during it (or 45 s passed), so an attack can run exactly as long as its latency figure needs.
   */
  static <T> Probed<T> during(java.util.function.Function<java.util.function.BooleanSupplier, T> attack)
      throws Exception {
    int from = PROBES.get();
    long deadline = System.nanoTime() + 45_000_000_000L;
    return probed(() -> attack.apply(() -> PROBES.get() - from < MIN_PROBES && System.nanoTime() < deadline));
  }

  record Probed<T>(T value, List<Double> ms, int failed, List<String> slow) {
    /** The q-th quantile (nearest rank) of the answered probes' times. */
    double percentile(double q) {
      List<Double> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      return sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(sorted.size() * q) - 1)));
    }

    double p90() {
      return percentile(0.9);
    }

    double p99() {
      return percentile(0.99);
    }

    double max() {
      return ms.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    }

    int sent() {
      return ms.size() + failed;
    }

    /** The older rows' rule (issue 15): every probe answered, p90 under 100 ms. */
    boolean chatHeld() {
      return failed == 0 && !ms.isEmpty() && p90() < CHAT_MS;
    }

    /** Issue 21's rule: every probe answered, at least 100 of them, p99 under 100 ms. */
    boolean chatHeld99() {
      return failed == 0 && sent() >= MIN_PROBES && p99() < CHAT_MS;
    }

    String chat() {
      String out = String.format(Locale.ROOT, "chat p50 %.0f p90 %.0f p99 %.0f max %.0f ms (%d probes, %d failed)",
          percentile(0.5), p90(), p99(), max(), sent(), failed);
      return slow.isEmpty() ? out : out + " slow: " + String.join("; ", slow.subList(0, Math.min(3, slow.size())))
          + (slow.size() > 3 ? "; +" + (slow.size() - 3) + " more" : "");
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
    int from = (int) Math.min(offset, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
