package abuse;

import static abuse.Abuse.*;
import static abuse.Http.*;
import static abuse.Probe.*;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Row "secrets" (issue 21 F2): every secret form of the redaction table
 * (src/test/resources/no/faqbot/privacy/secret-forms.txt) through chat, feedback, the support
 * e-mail preview and its .eml; then no value may be in any answer, store file (db, -wal, -shm),
 * export (CSV, JSONL) or the log. Chat probes from separate addresses run throughout (≥ 100).
 */
final class SecretAttacks {
  private SecretAttacks() {}

  static Result run() throws Exception {
    List<String[]> forms = forms(); // {input, value, value...}
    Set<String> values = new LinkedHashSet<>();
    forms.forEach(f -> values.addAll(searchable(f)));
    // a piece also in what stays of some form (the 123456 of K123456_ab) is no leak
    forms.forEach(f -> values.removeIf(v -> kept(f).contains(v)));
    List<String> leaked = new ArrayList<>();
    Probed<Integer> p = probed(() -> {
      int from = PROBES.get();
      attack(forms, values, leaked);
      // At least 100 chat probes from separate addresses during the attack and its checks.
      while (PROBES.get() - from < MIN_PROBES) {
        sleep(50);
      }
      return 0;
    });
    boolean held = leaked.isEmpty() && p.chatHeld99();
    return new Result(held, String.format(Locale.ROOT,
        "%d forms (%d values) via chat, feedback, preview, .eml; leaked: %s; %s",
        forms.size(), values.size(), leaked.isEmpty() ? "none" : String.join(", ", leaked), p.chat()));
  }

  /** Sends every form by every way in, then looks for the values everywhere they could be kept. */
  private static void attack(List<String[]> forms, Set<String> values, List<String> leaked) throws Exception {
    for (String[] form : forms) {
      String input = form[0];
      check(leaked, "chat", postJson("/api/chat", client(),
          JSON.createObjectNode().put("message", input).put("lang", "nb").toString()).text(), values);
      int vote = postJson("/api/feedback", client(), vote(input)).status();
      if (vote != 201) {
        leaked.add("feedback " + vote);
      }
      check(leaked, "preview", new Multi().field("merchantEmail", "butikk@example.no")
          .field("description", input).post("/api/support-email?format=json", client()).text(), values);
      check(leaked, ".eml", eml(new Multi().field("merchantEmail", "butikk@example.no")
          .field("description", input).post("/api/support-email", client()).body()), values);
    }
    eventsStored();
    String basic = basic("staff", staffPassword);
    for (String export : List.of("/staff/api/events.csv?days=30", "/staff/api/events.jsonl?days=30")) {
      Reply r = send(HttpRequest.newBuilder(URI.create(base + export)).header("Authorization", basic).GET(),
          null, 30);
      if (r.status() != 200 || !r.text().contains("[fjernet]")) {
        leaked.add(export + " " + r.status() + " (not checked: no redacted message in it)");
      }
      check(leaked, export, r.text(), values);
    }
    List<Path> files = new ArrayList<>(dataFiles());
    files.add(work.resolve("server.log"));
    for (Path file : files) {
      check(leaked, file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
          values);
    }
  }

  /** The table's lines: the input without ⟦ ⟧, then the values between them. */
  static List<String[]> forms() throws Exception {
    List<String[]> forms = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/no/faqbot/privacy/secret-forms.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String text = line.replace("\\n", "\n");
      List<String> form = new ArrayList<>(List.of(text.replaceAll("[⟦⟧]", "")));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("⟦([^⟧]*)⟧").matcher(text);
      while (m.find()) {
        form.add(m.group(1));
      }
      forms.add(form.toArray(String[]::new));
    }
    return forms;
  }

  /**
   * What to grep for: each value and each of its pieces that holds a digit and is 6 characters or
   * longer (a bare word like "Bearer" may rightly be in an answer).
   */
  static List<String> searchable(String[] form) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < form.length; i++) {
      for (String piece : (form[i] + "\n" + form[i].replaceAll("\\s", "")).split("\\s+")) {
        if (piece.length() >= 6 && piece.matches(".*\\d.*")) {
          out.add(piece);
        }
      }
    }
    return out;
  }

  /** The form's input as redaction should leave it. */
  static String kept(String[] form) {
    String kept = form[0];
    for (int i = 1; i < form.length; i++) {
      kept = kept.replace(form[i], "[fjernet]");
    }
    return kept;
  }

  static void check(List<String> leaked, String where, String text, Set<String> values) {
    for (String value : values) {
      // A whole token, not a run inside a longer one: a short hex secret such as "abc123" turns up
      // by chance inside the log's random hex request ids (seen once in a full run).
      java.util.regex.Pattern token =
          java.util.regex.Pattern.compile(
              "(?<![\\p{Alnum}])" + java.util.regex.Pattern.quote(value) + "(?![\\p{Alnum}])");
      if (text.contains(value) && token.matcher(text).find()) {
        leaked.add(where + ": " + value);
      }
    }
  }

  /** The text of every part of an e-mail, decoded (quoted-printable, base64). */
  static String eml(byte[] raw) throws Exception {
    StringBuilder out = new StringBuilder(new String(raw, StandardCharsets.UTF_8));
    collect(new MimeMessage(null, new ByteArrayInputStream(raw)), out);
    return out.toString();
  }

  private static void collect(Part part, StringBuilder out) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        collect(multi.getBodyPart(i), out);
      }
    } else if (content instanceof String text) {
      out.append('\n').append(text);
    }
  }
}
