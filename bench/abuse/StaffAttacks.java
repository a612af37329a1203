package abuse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import static abuse.Abuse.*;
import static abuse.Http.*;
import static abuse.Probe.*;

/** Issue 21: named staff accounts with roles (F12) and the cap on password hashes at once (F10). */
final class StaffAttacks {
  private StaffAttacks() {}

  /**
   * F10 (hashing): wrong passwords, each from a new address, 16 at a time, at least 400 and until
   * 100 chat probes were sent (45 s at most). Logins over the cap on hashes at once must be turned
   * away (503) rather than queued; chat probes must hold.
   */
  static Result hashFlood() throws Exception {
    List<Integer> s = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Probed<Integer> p = during(more -> {
      try {
        // Bounded: at most 2,000 logins a second and 30,000 in all, so the attacker's own new
        // connections stay well inside the loopback's ephemeral ports (a full run once counted one
        // unanswered login of 52,400 sent in 13 s).
        long started = System.nanoTime();
        while ((more.getAsBoolean() || s.size() < 400) && s.size() < 30_000) {
          int from = s.size();
          s.addAll(parallel(16, 400, i -> status(() -> login(client(), "staff", "wrong" + (from + i)))));
          long due = started + s.size() * 500_000L; // 2,000 a second
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return s.size();
    });
    boolean held = alive() && s.stream().allMatch(c -> c == 401 || c == 429 || c == 503) && p.chatHeld99();
    return new Result(held, s.size() + " wrong passwords from as many addresses, 16 at a time: " + counts(s) + "; "
        + p.chat());
  }

  /**
   * F12: accounts made with {@code faqbot staff add} beside the running server; an agent gets 403
   * on an export and a content action, an editor on the export, the admin account may export, and
   * the audit log names each person.
   */
  static Result roles() throws Exception {
    // The accounts are made and used while chat is probed, until 100 probes were sent.
    Probed<Result> p = during(more -> {
      try {
        Result r = rolesOnce();
        while (more.getAsBoolean()) {
          sleep(50);
        }
        return r;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return new Result(p.value().held() && p.chatHeld99(), p.value().figure() + "; " + p.chat());
  }

  private static Result rolesOnce() throws Exception {
    String password = "abuse-" + System.nanoTime();
    for (String[] a : new String[][] {{"abuse-agent", "agent"}, {"abuse-editor", "editor"}, {"abuse-admin", "admin"}}) {
      // The command line beside the running server, on its store.
      ProcessBuilder pb = new ProcessBuilder("java", "-cp", "target/faqbot.jar", "no.faqbot.cli.Main", "staff", "add",
          a[0], "--role", a[1], "--password-env", "ABUSE_NEW_PASSWORD").redirectErrorStream(true);
      pb.environment().put("FAQBOT_DATA", work.resolve("data").toString());
      pb.environment().put("ABUSE_NEW_PASSWORD", password);
      Process add = pb.start();
      add.getOutputStream().close();
      if (add.waitFor() != 0) {
        return new Result(false, "faqbot staff add " + a[0] + " failed: " + new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    int agentExport = as("abuse-agent", password, "GET", "/staff/api/events.csv").status();
    int agentDismiss = as("abuse-agent", password, "POST", "/staff/api/unanswered/x/dismiss").status();
    int agentSearch = as("abuse-agent", password, "GET", "/staff/api/insights").status();
    int editorExport = as("abuse-editor", password, "GET", "/staff/api/events.jsonl").status();
    int editorDismiss = as("abuse-editor", password, "POST", "/staff/api/unanswered/x/dismiss").status();
    int adminExport = as("abuse-admin", password, "GET", "/staff/api/events.csv").status();
    boolean held = agentExport == 403 && agentDismiss == 403 && agentSearch == 200 && editorExport == 403
        && editorDismiss == 404 && adminExport == 200;
    return new Result(held, String.format(Locale.ROOT,
        "agent: export %d, dismiss %d, insights %d; editor: export %d, dismiss %d; admin: export %d",
        agentExport, agentDismiss, agentSearch, editorExport, editorDismiss, adminExport));
  }

  private static Reply as(String user, String password, String method, String path) throws Exception {
    return asStaff(user, password, method, path, null, client());
  }
}
