package abuse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import static abuse.Http.*;
import static abuse.Checks.*;
import static abuse.LoadAttacks.*;
import static abuse.Probe.*;

/**
 * The attacks of bench/abuse.sh (issue 15), one per row of its table, against a running server:
 * {@code Abuse BASE PID WORK ROW...}. Every attack is bounded in count and time and goes to
 * loopback only. Clients are told apart by X-Forwarded-For (the server trusts 127.0.0.1 as a
 * proxy): the attacker uses its own address, each chat probe another.
 */
final class Abuse {
  private Abuse() {}

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
      System.out.printf(Locale.ROOT, "%-11s %-6s  %s; %s; %s; %.0f s%n", label(row), r.held() ? "held" : "FAILED",
          r.figure(), memory(), storeSize(), (System.nanoTime() - started) / 1e9);
    }
    System.exit(allHeld ? 0 : 1);
  }

  /**
   * Chat with no attack, 100 probes (issue 21's rule): when this is slow, the machine is too busy to
   * judge the other rows' latency.
   */
  static Result baseline() throws Exception {
    Probed<Integer> p = during(more -> {
      while (more.getAsBoolean()) {
        sleep(50);
      }
      return 0;
    });
    return new Result(p.chatHeld99(), "no attack; " + p.chat());
  }

  /** The event store's files and the rest of the data folder after a row (issue 21, row 5). */
  static String storeSize() {
    try {
      long all = 0;
      for (Path f : Http.dataFiles()) {
        all += java.nio.file.Files.size(f);
      }
      long events = LoadAttacks.eventStoreBytes();
      return String.format(Locale.ROOT, "event store %.1f MB, rest of data %.1f MB", events / (double) MB,
          (all - events) / (double) MB);
    } catch (Exception e) {
      return "store not measured (" + e.getMessage() + ")";
    }
  }

  static String label(String row) {
    return row.matches("F?\\d+[ab]?") ? "row " + row : row;
  }

  static Result run(String row) throws Exception {
    return switch (row) {
      case "baseline" -> baseline();
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
      case "F1" -> OpsAttacks.madeUpMethods();
      case "F13" -> OpsAttacks.overLimitBodies();
      case "F3" -> LimitAttacks.picks();
      case "F7" -> LimitAttacks.slowUploads();
      case "F8" -> LimitAttacks.storeOutage();
      case "F10" -> LimitAttacks.ipv6Network();
      case "F10-hash" -> StaffAttacks.hashFlood();
      case "F12" -> StaffAttacks.roles();
      case "secrets" -> SecretAttacks.run();
      case "F2b" -> RecordAttacks.secretAlternatives();
      case "F9" -> RecordAttacks.deletedIsGone();
      case "F11" -> RecordAttacks.operatorSees();
      case "low" -> RecordAttacks.lowOnes();
      default -> throw new IllegalArgumentException("no attack '" + row + "'");
    };
  }
}
