package abuse;

import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static abuse.Abuse.*;
import static abuse.Http.*;
import static abuse.Probe.*;

/** The attacks that check one answer each (rows 4, 6, 6b, 8-15). */
final class Checks {
  private Checks() {}

  static final Map<String, String> SECRETS = Map.of(
      "Passordet er Sol7Regn1x", "Sol7Regn1x",
      "{\"password\":\"Pw-9283-json\"}", "Pw-9283-json",
      "curl -u shopuser:CurlPass771 https://api.example.com/orders", "CurlPass771",
      "https://admin:UrlPass552@shop.example/wp-admin", "UrlPass552",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrbGFybmEtc2hvcCJ9."
          + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

  /** Row 4: common ways of writing a secret, in a support e-mail and in feedback. */
  static Result redaction() throws Exception {
    List<String> leaked = new ArrayList<>();
    for (Map.Entry<String, String> s : SECRETS.entrySet()) {
      Reply mail = new Multi().field("merchantEmail", "butikk@example.no")
          .field("description", "Det feiler. " + s.getKey())
          .post("/api/support-email?format=json", client());
      if (mail.status() != 200 || mail.text().contains(s.getValue())) {
        leaked.add("e-mail " + mail.status() + ": " + s.getValue());
      }
      Reply vote = postJson("/api/feedback", client(), vote("hjelp " + s.getKey()));
      if (vote.status() != 201) {
        leaked.add("feedback " + vote.status() + ": " + s.getValue());
      }
    }
    // Votes are recorded in the event store: none of the secrets may be anywhere in its files.
    eventsStored();
    boolean recorded = false; // else the check below would pass on an empty store
    for (Path file : dataFiles()) {
      String stored = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
      recorded |= stored.contains("hjelp ");
      for (String secret : SECRETS.values()) {
        String bytes = new String(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);
        if (stored.contains(bytes)) {
          leaked.add("store " + file.getFileName() + ": " + secret);
        }
      }
    }
    if (!recorded) {
      leaked.add("(the votes' messages were not found in the event store, so it could not be checked)");
    }
    return new Result(leaked.isEmpty(), SECRETS.size() + " secret forms in e-mail and feedback, leaked: "
        + (leaked.isEmpty() ? "none" : String.join(", ", leaked)));
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
            + (path.contains("support") ? "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
                : "{\"message\":\""))
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
    answers.put("414", raw(("GET /api/search?q=" + "a".repeat(100_000)
        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII)));
    answers.put("431", raw(("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100_000)
        + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII)));
    answers.put("400", raw("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII)));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> a : answers.entrySet()) {
      String response = a.getValue();
      int split = response.indexOf("\r\n\r\n");
      String status = response.length() > 12 ? response.substring(9, 12) : "none";
      String body = split < 0 ? "" : response.substring(split + 4).strip();
      // The body may come chunked: a size line before the JSON.
      boolean json = body.startsWith("{\"error\"") || body.matches("(?s)[0-9a-fA-F]+\r?\n\\{\"error\".*");
      if (!status.startsWith("4") || !json) {
        String start = body.substring(0, Math.min(30, body.length())).replaceAll("\\s+", " ");
        wrong.add(a.getKey() + " got " + status + " " + start);
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
    got.put("chat + garbage", post("/api/chat", client(), "application/json", garbage(chat, " garbage"), 10).status());
    got.put("feedback form", post("/api/feedback", client(), "application/x-www-form-urlencoded", feedback, 10)
        .status());
    got.put("feedback + garbage", post("/api/feedback", client(), "application/json", garbage(feedback, "}{"), 10)
        .status());
    boolean held = got.get("chat text/plain") == 415 && got.get("feedback form") == 415
        && got.get("chat + garbage") == 400 && got.get("feedback + garbage") == 400;
    return new Result(held, got.toString().replace("=", " -> "));
  }

  static byte[] garbage(byte[] json, String after) {
    return (new String(json, StandardCharsets.UTF_8) + after).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Row 12: the data folder is taken away under the running server. Votes go to the event store's
   * queue (the store keeps its open file), so each is accepted or refused with JSON, never a 500 or
   * a stack trace, and /health shows whether events reach the store.
   */
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
    // The request log's one line per request is not what this row is about.
    // (its logger is printed by its last name: "requests", in text and JSON alike)
    String added = logSince(logBefore).lines()
        .filter(l -> !l.contains(" requests [") && !l.contains("no.faqbot.requests"))
        .collect(Collectors.joining("\n"));
    long frames = added.lines().filter(l -> l.startsWith("\tat ")).count();
    long lines = added.lines().count();
    boolean shown = health.contains("\"store\":\"");
    boolean answered = statuses.stream().allMatch(s -> s == 201 || s == 503);
    boolean held = answered && (allJson || statuses.stream().allMatch(s -> s == 201)) && frames == 0 && lines <= 2
        && shown;
    return new Result(held, String.format(Locale.ROOT, "20 votes %s, log +%d lines (%d stack frames), /health store %s",
        counts(statuses), lines, frames, shown ? "shown" : "not shown"));
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
    return new Result(missing.isEmpty(), "/ and /staff/login, missing: "
        + (missing.isEmpty() ? "none" : String.join(", ", missing)));
  }

  /** Row 14: a password typed into a flow form must not travel back in the state or the collected values. */
  static Result flowSecrets() throws Exception {
    String xff = client();
    JsonNode reply = JSON.readTree(postJson("/api/chat", xff,
        "{\"message\":\"testkjøpet feiler hele tiden etter at vi installerte den nye pluginen\",\"lang\":\"nb\"}")
        .body());
    for (int i = 0; i < 20 && !reply.path("flow").path("kind").asText().equals("form"); i++) {
      JsonNode options = reply.path("flow").path("options");
      ObjectNode body = JSON.createObjectNode();
      body.put("choice", reply.path("flow").path("kind").asText().equals("info") ? "not-helped"
          : options.get(options.size() - 1).path("id").asText());
      body.set("state", reply.path("state"));
      reply = JSON.readTree(postJson("/api/chat", xff, body.toString()).body());
    }
    if (!reply.path("flow").path("kind").asText().equals("form")) {
      String text = reply.toString();
      return new Result(false, "could not reach the flow's form: " + text.substring(0, Math.min(200, text.length())));
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("state", reply.path("state"));
    body.putObject("fields").put("storeId", "K123456").put("merchantEmail", "butikk@example.no")
        .put("errorCode", "BAD_VALUE")
        .put("httpStatus", "401").put("correlationId", "7f3c2a1e-9b1d-4c55").put("platform", "WooCommerce")
        .put("description", "Kassen feiler, passord: FlowPw8841x");
    Reply r = postJson("/api/chat", xff, body.toString());
    boolean leaked = r.text().contains("FlowPw8841x");
    return new Result(r.status() == 200 && !leaked, "form with a password in description -> " + r.status()
        + ", password "
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
}
