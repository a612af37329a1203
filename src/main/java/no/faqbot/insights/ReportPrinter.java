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
    InsightsReport.Traffic traffic = r.traffic();
    InsightsReport.Escalation escalation = r.escalation();
    row(out, "conversations", traffic.conversations());
    row(out, "messages", traffic.messages());
    row(out, "  answered", traffic.replies().answered());
    row(out, "  suggested", traffic.replies().suggested());
    row(out, "  fell back", traffic.replies().fellBack());
    row(out, "  out of scope", traffic.replies().outOfScope());
    row(out, "flows started", traffic.flows().started());
    row(out, "  resolved in the flow", traffic.flows().resolved());
    row(out, "  to the e-mail step", traffic.flows().toEmail());
    row(out, "support e-mails", escalation.supportEmails());
    row(out, "conversations with an e-mail", escalation.conversationsWithEmail());
    out.printf(
        Locale.ROOT, "%-32s %s%n", "deflection, hard", percent(escalation.deflection().hard()));
    out.printf(
        Locale.ROOT, "%-32s %s%n", "deflection, soft", percent(escalation.deflection().soft()));
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
