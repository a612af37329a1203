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

  /** The same counter, by the name the limit attacks use. */
  static final AtomicInteger PROBES_SENT = PROBES;

  /** Chat questions from other clients every 100 ms while {@code attack} runs. */
  static <T> Probed<T> probed(Callable<T> attack) throws Exception {
    List<Double> ms = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    Thread probe = new Thread(() -> {
      while (!done.get()) {
        try {
          double answered = probeChat();
          if (answered >= 0) {
            ms.add(answered);
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
   * One chat question from a separate curl process on a new connection, as a client that has not
   * talked to the server before (a kept-alive connection can be served where a new one waits);
   * curl times it, so pauses of this JVM (which also runs the attack) do not count. The answer's
   * time in ms, or -1 when it was not a 200 within 5 s.
   */
  static double probeChat() throws Exception {
    PROBES.incrementAndGet();
    Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--max-time", "5",
        "-w", "%{http_code} %{time_total}", "-H", "Content-Type: application/json",
        "-H", "X-Forwarded-For: " + client(),
        "--data-binary", "{\"message\":\"hvor finner jeg API-nøkkelen\",\"lang\":\"nb\"}", base + "/api/chat")
        .redirectErrorStream(true).start();
    String[] out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
    curl.waitFor();
    return out.length == 2 && out[0].equals("200") ? Double.parseDouble(out[1]) * 1000 : -1;
  }

  record Probed<T>(T value, List<Double> ms, int failed) {
    double p90() {
      List<Double> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1));
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
    int from = (int) Math.min(offset, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
