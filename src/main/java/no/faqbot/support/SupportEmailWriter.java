package no.faqbot.support;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the support e-mail's subject and bodies from a redacted request: the explanation, every
 * field given, the steps already tried, the time with time zone and a case reference.
 */
final class SupportEmailWriter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");

  private SupportEmailWriter() {}

  static String subject(SupportRequest r, String caseRef) {
    boolean en = "en".equals(r.lang());
    List<String> parts = new ArrayList<>();
    parts.add((en ? "[Upgrade] " : "[Oppgradering] ") + oneLine(r.problem() == null ? (en ? "Support request" : "Henvendelse") : r.problem()));
    if (present(r.storeId())) {
      parts.add((en ? "store " : "butikk ") + oneLine(r.storeId()) + (r.legacyEid() ? (en ? " (legacy EID)" : " (gammel EID)") : ""));
    }
    if (present(r.errorCode())) {
      parts.add((en ? "error " : "feilkode ") + oneLine(r.errorCode()));
    }
    parts.add(caseRef);
    return String.join(" – ", parts);
  }

  /** Label and value of every field given, in a fixed order. */
  static Map<String, String> fields(SupportRequest r) {
    boolean en = "en".equals(r.lang());
    Map<String, String> f = new LinkedHashMap<>();
    put(f, en ? "Store ID" : "Butikk-ID", r.storeId() == null ? null
        : r.storeId() + (r.legacyEid() ? (en ? " (digits only: legacy EID, KPM/KCO v2)" : " (kun sifre: gammel EID, KPM/KCO v2)") : ""));
    put(f, en ? "Merchant e-mail" : "Butikkens e-post", r.merchantEmail());
    put(f, en ? "Error code" : "Feilkode", r.errorCode());
    put(f, "HTTP status", r.httpStatus());
    put(f, "Correlation ID", present(r.correlationId()) ? r.correlationId()
        : (en ? "(not given; a 401 often has none)" : "(ikke oppgitt; en 401 har ofte ingen)"));
    put(f, en ? "Platform / plugin" : "Plattform / plugin", r.platform());
    return f;
  }

  static String text(SupportRequest r, String caseRef, ZonedDateTime time, List<String> redacted) {
    boolean en = "en".equals(r.lang());
    StringBuilder b = new StringBuilder();
    b.append(en ? "Hello,\n\nWe need help with the upgrade. " : "Hei,\n\nVi trenger hjelp med oppgraderingen. ")
        .append(en ? "Problem: " : "Problem: ").append(oneLine(r.problem() == null ? "-" : r.problem())).append("\n\n");
    if (present(r.description())) {
      b.append(en ? "What happens:\n" : "Hva som skjer:\n").append(r.description().strip()).append("\n\n");
    }
    fields(r).forEach((k, v) -> b.append(k).append(": ").append(oneLine(v)).append('\n'));
    b.append(en ? "Time: " : "Tidspunkt: ").append(TIME.format(time)).append('\n');
    b.append(en ? "Case reference: " : "Saksreferanse: ").append(caseRef).append("\n\n");
    if (!r.tried().isEmpty()) {
      // Without a flow (the widget's "Kontakt support") the lines are the chat so far.
      b.append(r.problem() == null ? (en ? "The chat so far:\n" : "Samtalen i chatten:\n")
          : en ? "Already tried (guided troubleshooting):\n" : "Allerede forsøkt (veiledet feilsøking):\n");
      r.tried().forEach(t -> b.append("- ").append(t).append('\n'));
      b.append('\n');
    }
    if (!r.screenshots().isEmpty()) {
      b.append(en ? "Screenshots attached: " : "Skjermbilder vedlagt: ")
          .append(String.join(", ", r.screenshots().stream().map(Screenshot::name).toList())).append("\n\n");
    }
    if (!redacted.isEmpty()) {
      b.append(en ? "Note: secrets were removed from this message before it was prepared (" : "Merk: hemmeligheter ble fjernet fra meldingen før den ble laget (")
          .append(String.join(", ", redacted)).append(").\n\n");
    }
    b.append(en ? "Best regards\n" : "Vennlig hilsen\n").append(present(r.merchantEmail()) ? r.merchantEmail() : "").append('\n');
    return b.toString();
  }

  static String html(String text) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>");
    h.append(escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>"));
    return h.append("</p></body></html>").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
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
