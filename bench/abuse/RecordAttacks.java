package abuse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static abuse.Abuse.*;
import static abuse.Http.*;
import static abuse.Probe.*;

/**
 * Issue 21's rows about what is recorded: F2b ("add as alternative" refuses secrets, personal
 * numbers, the redaction marker and another language), F9 (a deleted conversation is gone from the
 * database files) and F11 (429s, 401s and hostile paths are visible to an operator). Each runs its
 * bounded load while chat is probed from other addresses until at least 100 probes were sent.
 */
final class RecordAttacks {
  private RecordAttacks() {}

  private static final Pattern REQUEST_ID = Pattern.compile("^[0-9a-f]{16}$");

  /**
   * F11: one client over its chat limit (429), staff API calls without credentials (401) and 2 KB
   * hostile paths (404), 4 at a time, at most 3,000; every refusal carries an {@code X-Request-Id}
   * that its log line names with its time, level, status and route template, paths are cut, and
   * {@code /metrics} counts 429 and 401 by route.
   */
  static Result operatorSees() throws Exception {
    long logFrom = logSize();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    String flooder = client();
    Probed<Integer> p = during(more -> {
      try {
        while (more.getAsBoolean() && statuses.size() < 3_000) {
          statuses.addAll(parallel(4, 60, i -> {
            try {
              Reply r = switch (i % 3) {
                case 0 -> postJson("/api/chat", flooder, "{\"message\":\"hvor finner jeg butikk-id\"}");
                case 1 -> get("/staff/api/insights", client());
                default -> get("/x" + "%3Cscript%3E".repeat(170) + i, client());
              };
              String id = r.header("X-Request-Id");
              if (r.status() == 429 || r.status() == 401) {
                ids.add(id == null ? "missing" : id);
              }
              return r.status();
            } catch (Exception e) {
              return -1;
            }
          }));
          sleep(250); // about 240 a second: the load lasts as long as 100 probes take
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return statuses.size();
    });
    sleep(500); // request lines are written by a background thread
    String log = logSince(logFrom);
    int found = 0;
    int wellFormed = 0;
    for (String id : ids) {
      Matcher line = Pattern.compile("(?m)^(\\d{4}-\\d\\d-\\d\\dT\\S+Z) +(INFO|WARN) +requests \\[" + Pattern.quote(id)
          + "\\] (GET|POST) (\\S+) (\\d{3}) .*route=(\\S+)$").matcher(log);
      if (REQUEST_ID.matcher(id).matches() && line.find()) {
        found++;
        String route = line.group(6);
        if (route.equals("/api/chat") || route.startsWith("/staff/")) {
          wellFormed++;
        }
      }
    }
    int longest = log.lines().filter(l -> l.contains(" requests [")).mapToInt(String::length).max().orElse(0);
    String metrics = get("/metrics", null).text();
    boolean counted = metrics.lines().anyMatch(l -> l.contains("status=\"429\"") && l.contains("route=\"/api/chat\""))
        && metrics.lines().anyMatch(l -> l.contains("status=\"401\"") && l.contains("route=\"/staff/"));
    long refused429 = statuses.stream().filter(s -> s == 429).count();
    long refused401 = statuses.stream().filter(s -> s == 401).count();
    boolean held = alive() && refused429 > 0 && refused401 > 0 && found == ids.size() && wellFormed == ids.size()
        && longest < 400 && counted && !statuses.contains(-1) && !statuses.contains(500) && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d requests %s; %d refusals (429 and 401) with a request id, %d of them in the log with time, level, status"
            + " and route template; longest request line %d characters; /metrics counts 429 and 401 by route: %s; %s",
        statuses.size(), counts(statuses), ids.size(), found, longest, counted ? "yes" : "no", p.chat()));
  }

  /**
   * F9: 100 conversations, each holding a marker of its own, written to the store and deleted
   * through the staff API one at a time: none of the markers may be left in the database files.
   */
  static Result deletedIsGone() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    int conversations = 100;
    Probed<String> p = during(more -> {
      try {
        parallel(4, conversations, i -> {
          try {
            return postJson("/api/chat", client(), "{\"message\":\"hvor finner jeg butikk-id merkelapp"
                + run + "x" + i + "\",\"conversation\":\"abuse-f9-" + run + "-" + i + "\"}").status();
          } catch (Exception e) {
            return -1;
          }
        });
        sleep(2_000); // the event writer's batches
        int before = markersIn(run, conversations);
        // One at a time: each staff call with HTTP Basic checks the password, and password checks
        // at once are capped (F10-hash).
        List<Integer> deleted = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
          try {
            deleted.add(staff("DELETE", "/staff/api/conversations/abuse-f9-" + run + "-" + i, null).status());
          } catch (Exception e) {
            deleted.add(-1);
          }
        }
        while (more.getAsBoolean()) {
          sleep(50);
        }
        return before + " " + counts(deleted);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    String[] outcome = p.value().split(" ", 2);
    int before = Integer.parseInt(outcome[0]);
    int after = markersIn(run, conversations);
    boolean held = alive() && before > 0 && after == 0 && outcome[1].equals("{200=" + conversations + "}") && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d conversations with a marker each: %d markers in the database files before the deletes %s, %d after; %s",
        conversations, before, outcome[1], after, p.chat()));
  }

  /**
   * F2b: merchants' messages holding a secret from the redaction table, a card number, a
   * fødselsnummer or an IBAN become unanswered questions; "add as alternative" with each of their
   * examples (stored redacted, with {@code [fjernet]}), and a Norwegian example for an English
   * entry, one at a time: every one 400 {@code phrasing_refused}, the content folder's files
   * unchanged, the entry served without the values.
   */
  static Result secretAlternatives() throws Exception {
    String marker = "qzx" + Long.toString(System.nanoTime(), 36);
    List<String[]> forms = SecretAttacks.forms();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < forms.size(); i += 4) { // every fourth form of the table
      sent.add(marker + " " + forms.get(i)[0]);
    }
    sent.add(marker + " kortet mitt 4111 1111 1111 1111 virker ikke");
    sent.add(marker + " fødselsnummeret mitt er 15069010013");
    sent.add(marker + " kontoen NO93 8601 1117 947 er feil");
    sent.add(marker + " hvor står vaskemaskinen");
    for (String message : sent) {
      postJson("/api/chat", client(), "{\"message\":" + json(message) + "}");
    }
    List<String> examples = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int tries = 0; tries < 40 && examples.size() < sent.size(); tries++) {
      sleep(250);
      examples.clear();
      groups.clear();
      for (com.fasterxml.jackson.databind.JsonNode g
          : JSON.readTree(staff("GET", "/staff/api/unanswered", null).body()).path("unanswered")) {
        for (com.fasterxml.jackson.databind.JsonNode e : g.path("examples")) {
          if (e.asText().contains(marker)) {
            examples.add(e.asText());
            groups.add(g.path("id").asText());
          }
        }
      }
    }
    if (examples.isEmpty()) {
      return new Result(false, "none of the " + sent.size() + " messages became an unanswered question");
    }
    String contentBefore = contentHash();
    List<String> answers = new ArrayList<>();
    Probed<Integer> p = during(more -> {
      try {
        for (int i = 0; i < examples.size(); i++) {
          String example = examples.get(i);
          // The one without a secret goes to the English entry: another language than its own.
          String lang = example.contains("vaskemaskinen") ? "en" : "nb";
          String body = "{\"entryId\":\"api-credentials\",\"lang\":\"" + lang + "\",\"text\":" + json(example) + "}";
          Reply r = staff("POST", "/staff/api/unanswered/" + groups.get(i) + "/alternative", body);
          answers.add(r.status() + (r.text().contains("phrasing_refused") ? " phrasing_refused" : " " + r.text()));
        }
        while (more.getAsBoolean()) {
          sleep(50);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return answers.size();
    });
    String served = get("/api/entries/api-credentials", client()).text()
        + get("/api/entries/api-credentials?lang=en", client()).text();
    long leaked = forms.stream().flatMap(f -> java.util.Arrays.stream(f).skip(1))
        .filter(v -> v.length() >= 6 && served.contains(v)).count();
    List<String> other = answers.stream().filter(a -> !a.equals("400 phrasing_refused")).toList();
    boolean unchanged = contentHash().equals(contentBefore);
    boolean held = alive() && examples.size() >= 10 && other.isEmpty() && unchanged && leaked == 0 && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d messages with secrets or personal numbers sent, %d became unanswered examples; %d adds as alternative:"
            + " %d refused (phrasing_refused)%s; content files %s; values in the served entry: %d; %s",
        sent.size(), examples.size(), answers.size(), answers.size() - other.size(),
        other.isEmpty() ? "" : ", others: " + other.subList(0, Math.min(3, other.size())),
        unchanged ? "unchanged" : "CHANGED", leaked, p.chat()));
  }

  /**
   * Issue 21's low findings, one at a time until 100 chat probes were sent: extreme dates on the
   * routes that take dates (400, not a 500 from an overflow), text in the unanswered page's
   * {@code done} and {@code entry} parameters (never shown), and 2,000 characters of {@code
   * tokentoken…} through chat (redaction in linear time: answered in under 100 ms).
   */
  static Result lowOnes() throws Exception {
    String[] dates = {"from=-999999999-01-01", "to=+999999999-12-31", "from=0001-01-01&to=+999999999-12-31"};
    String[] routes = {"/staff/api/events.csv", "/staff/api/events.jsonl", "/staff/insights/unanswered"};
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> tokenMs = java.util.Collections.synchronizedList(new ArrayList<>());
    String tokens = "token".repeat(400);
    Probed<Integer> p = during(more -> {
      int rounds = 0;
      try {
        while ((more.getAsBoolean() || rounds == 0) && rounds < 50) {
          for (String route : routes) {
            for (String date : dates) {
              int status = staff("GET", route + "?" + date, null).status();
              if (status != 400) {
                wrong.add(route + "?" + date + " -> " + status);
              }
            }
          }
          // Words of their own: the page lists earlier rows' questions, which hold all sorts.
          String number = Long.toString(System.nanoTime() % 1_000_000_000L);
          String word = "ondskap" + Long.toString(System.nanoTime(), 36);
          String page = staff("GET", "/staff/insights/unanswered?done=Ring+oss+p%C3%A5+" + number
              + "&entry=%3Cb%3E" + word, null).text();
          if (page.contains(number) || page.contains(word)) {
            wrong.add("done/entry text shown on the unanswered page");
          }
          long t = System.nanoTime();
          int chat = postJson("/api/chat", client(), "{\"message\":\"" + tokens + "\"}").status();
          tokenMs.add((System.nanoTime() - t) / 1_000_000);
          if (chat != 200) {
            wrong.add("tokentoken… chat -> " + chat);
          }
          rounds++;
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return rounds;
    });
    long slowest = tokenMs.stream().mapToLong(Long::longValue).max().orElse(-1);
    boolean held = alive() && wrong.isEmpty() && slowest >= 0 && slowest < 100 && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d rounds of 9 extreme dates (all 400: %s), hostile done/entry (never shown: %s), 2,000 characters of"
            + " tokentoken… (slowest %d ms); %s",
        p.value(), wrong.stream().noneMatch(w -> w.contains("?")) ? "yes" : "no",
        wrong.stream().noneMatch(w -> w.startsWith("done")) ? "yes" : "no", slowest, p.chat()));
  }

  private static int markersIn(String run, int conversations) throws Exception {
    int found = 0;
    List<byte[]> files = new ArrayList<>();
    for (Path f : dataFiles()) {
      if (f.getFileName().toString().startsWith("faqbot.db")) {
        files.add(Files.readAllBytes(f));
      }
    }
    String all = files.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).reduce("", String::concat);
    for (int i = 0; i < conversations; i++) {
      if (all.contains("merkelapp" + run + "x" + i)) {
        found++;
      }
    }
    return found;
  }

  private static String contentHash() throws Exception {
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    Path content = work.resolve("content");
    try (java.util.stream.Stream<Path> files = Files.walk(content)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        sha.update(content.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
    }
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  private static String json(String s) throws Exception {
    return JSON.writeValueAsString(s);
  }

  /** A staff API call as the bootstrap admin, with HTTP Basic, from one address of its own. */
  private static Reply staff(String method, String path, String json) throws Exception {
    return asStaff("staff", staffPassword, method, path, json, "10.99.0.1");
  }
}
