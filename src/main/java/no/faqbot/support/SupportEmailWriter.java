package no.faqbot.support;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.faqbot.format.Html;
import no.faqbot.format.Words;

/**
 * Writes the support e-mail's subject and bodies from a redacted request: the explanation, every
 * field given, the steps already tried, the time with time zone and a case reference.
 */
final class SupportEmailWriter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'", Locale.ROOT);

  private SupportEmailWriter() {}

  static String subject(SupportRequest r, String caseRef) {
    Words w = Words.in(r.lang());
    List<String> parts = new ArrayList<>();
    parts.add(
        w.get("email.subject.tag")
            + " "
            + oneLine(r.problem() == null ? w.get("email.subject.noProblem") : r.problem()));
    if (present(r.storeId())) {
      parts.add(
          w.get("email.subject.store")
              + " "
              + oneLine(r.storeId())
              + (r.legacyEid() ? " " + w.get("email.subject.legacyEid") : ""));
    }
    if (present(r.errorCode())) {
      parts.add(w.get("email.subject.error") + " " + oneLine(r.errorCode()));
    }
    parts.add(caseRef);
    return String.join(" – ", parts);
  }

  /** Label and value of every field given, in a fixed order. */
  static Map<String, String> fields(SupportRequest r) {
    Words w = Words.in(r.lang());
    Map<String, String> f = new LinkedHashMap<>();
    put(
        f,
        w.get("email.field.storeId"),
        r.storeId() == null
            ? null
            : r.storeId() + (r.legacyEid() ? " " + w.get("email.field.storeId.legacyEid") : ""));
    put(f, w.get("email.field.merchantEmail"), r.merchantEmail());
    put(f, w.get("email.field.errorCode"), r.errorCode());
    put(f, w.get("email.field.httpStatus"), r.httpStatus());
    put(
        f,
        w.get("email.field.correlationId"),
        present(r.correlationId())
            ? r.correlationId()
            : w.get("email.field.correlationId.missing"));
    put(f, w.get("email.field.platform"), r.platform());
    return f;
  }

  static String text(SupportRequest r, String caseRef, ZonedDateTime time, List<String> redacted) {
    Words w = Words.in(r.lang());
    StringBuilder b = new StringBuilder();
    b.append(w.get("email.greeting"))
        .append("\n\n")
        .append(w.get("email.intro"))
        .append(' ')
        .append(w.get("email.problem"))
        .append(' ')
        .append(oneLine(r.problem() == null ? "-" : r.problem()))
        .append("\n\n");
    if (present(r.description())) {
      b.append(w.get("email.description"))
          .append('\n')
          .append(r.description().strip())
          .append("\n\n");
    }
    fields(r).forEach((k, v) -> b.append(k).append(": ").append(oneLine(v)).append('\n'));
    b.append(w.get("email.time")).append(' ').append(TIME.format(time)).append('\n');
    b.append(w.get("email.caseRef")).append(' ').append(caseRef).append("\n\n");
    if (!r.tried().isEmpty()) {
      // Without a flow (the widget's "Kontakt support") the lines are the chat so far.
      b.append(w.get(r.problem() == null ? "email.chatSoFar" : "email.tried")).append('\n');
      r.tried().forEach(t -> b.append("- ").append(t).append('\n'));
      b.append('\n');
    }
    if (!r.screenshots().isEmpty()) {
      b.append(w.get("email.screenshots"))
          .append(' ')
          .append(String.join(", ", r.screenshots().stream().map(Screenshot::name).toList()))
          .append("\n\n");
    }
    if (!redacted.isEmpty()) {
      b.append(w.get("email.redacted"))
          .append(" (")
          .append(String.join(", ", redacted))
          .append(").\n\n");
    }
    b.append(w.get("email.signOff"))
        .append('\n')
        .append(present(r.merchantEmail()) ? r.merchantEmail() : "")
        .append('\n');
    return b.toString();
  }

  static String html(String text) {
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>");
    h.append(Html.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>"));
    return h.append("</p></body></html>").toString();
  }

  /** No line breaks in anything that lands in a header or a one-line field. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029\\t]+", " ").strip();
  }

  private static void put(Map<String, String> f, String label, String value) {
    if (present(value)) {
      f.put(label, value.strip());
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
