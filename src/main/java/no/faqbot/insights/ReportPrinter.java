package no.faqbot.insights;

import java.io.PrintStream;
import java.util.Locale;

/** {@link InsightsReport} as text for the terminal ({@code faqbot report}). */
public final class ReportPrinter {
  private ReportPrinter() {}

  public static void print(InsightsReport r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "faqbot report: last %d days, %s (%s)%n",
        r.days(),
        r.lang() == null ? "all languages" : r.lang(),
        r.recording().store());
    row(out, "conversations", r.conversations());
    row(out, "messages", r.messages());
    row(out, "  answered", r.replies().answered());
    row(out, "  suggested", r.replies().suggested());
    row(out, "  fell back", r.replies().fellBack());
    row(out, "  out of scope", r.replies().outOfScope());
    row(out, "flows started", r.flows().started());
    row(out, "  resolved in the flow", r.flows().resolved());
    row(out, "  to the e-mail step", r.flows().toEmail());
    row(out, "support e-mails", r.supportEmails());
    row(out, "conversations with an e-mail", r.conversationsWithEmail());
    out.printf(Locale.ROOT, "%-32s %s%n", "deflection, hard", percent(r.deflection().hard()));
    out.printf(Locale.ROOT, "%-32s %s%n", "deflection, soft", percent(r.deflection().soft()));
    out.printf(
        Locale.ROOT,
        "%-32s %s (%d votes)%n",
        "helpful votes",
        percent(r.helpfulRate()),
        r.votes().helpful() + r.votes().unhelpful());
    if (!r.topEntries().isEmpty()) {
      out.println("top entries:");
      r.topEntries().forEach(e -> out.printf(Locale.ROOT, "  %8d  %s%n", e.count(), e.entryId()));
    }
    if (!r.mostUnhelpful().isEmpty()) {
      out.println("most \"not helpful\" votes:");
      r.mostUnhelpful()
          .forEach(
              e ->
                  out.printf(
                      Locale.ROOT,
                      "  %8d  %s (%d helpful)%n",
                      e.unhelpful(),
                      e.entryId(),
                      e.helpful()));
    }
    for (InsightsReport.Funnel f : r.funnels()) {
      out.println("flow " + f.flowId() + ":");
      f.steps()
          .forEach(
              s ->
                  out.printf(
                      Locale.ROOT,
                      "  %8d  %s%s%n",
                      s.reached(),
                      s.step(),
                      s.dropOff() == null
                          ? ""
                          : String.format(Locale.ROOT, " (-%.0f %%)", s.dropOff() * 100)));
    }
    if (r.recording().dropped() > 0) {
      out.printf(Locale.ROOT, "events dropped: %d%n", r.recording().dropped());
    }
  }

  private static void row(PrintStream out, String label, long value) {
    out.printf(Locale.ROOT, "%-32s %d%n", label, value);
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
