package no.faqbot.insights;

import java.util.List;
import java.util.Locale;
import no.faqbot.format.Html;

/**
 * Charts drawn on the server as SVG (no script, no outside library, fine under a strict CSP):
 * messages per day by outcome, and a flow's funnel. Colours come from presentation attributes, and
 * every label is escaped.
 */
final class InsightsChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int BOTTOM = 24;
  static final String ANSWERED = "#2e7d32";
  static final String SUGGESTED = "#f0a202";
  static final String FELL_BACK = "#c62828";

  private InsightsChart() {}

  /** Stacked bars per day: answered, suggested, fell back (out of scope included). */
  static String perDay(List<InsightsReport.Day> days) {
    long max =
        Math.max(
            1,
            days.stream()
                .mapToLong(d -> d.answered() + d.suggested() + d.fellBack())
                .max()
                .orElse(1));
    double plot = HEIGHT - BOTTOM - 8;
    double slot = (double) (WIDTH - LEFT - 8) / Math.max(1, days.size());
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"Meldinger per dag: besvart, forslag, ikke forstått\">",
            WIDTH,
            HEIGHT));
    for (int i = 0; i <= 4; i++) {
      double y = 8 + plot - plot * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d0d5dd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#4b5563\">%d</text>",
              LEFT,
              WIDTH - 8,
              y,
              y,
              LEFT - 4,
              y + 4,
              Math.round((double) max * i / 4)));
    }
    for (int i = 0; i < days.size(); i++) {
      InsightsReport.Day d = days.get(i);
      double x = LEFT + i * slot + slot * 0.1;
      double w = Math.max(1, slot * 0.8);
      double y = 8 + plot;
      long[] values = {d.answered(), d.suggested(), d.fellBack()};
      String[] colours = {ANSWERED, SUGGESTED, FELL_BACK};
      for (int k = 0; k < 3; k++) {
        double h = plot * values[k] / max;
        y -= h;
        if (h > 0) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                      + "<title>%s: %d</title></rect>",
                  x,
                  y,
                  w,
                  h,
                  colours[k],
                  Html.escape(d.date()),
                  values[k]));
        }
      }
      if (days.size() <= 10 || i % Math.max(1, days.size() / 6) == 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\""
                    + " fill=\"#4b5563\">%s</text>",
                x + w / 2,
                HEIGHT - 6,
                Html.escape(d.date().substring(5))));
      }
    }
    return svg.append("</svg>").toString();
  }

  /** One bar per step, most reached first, with the drop-off from the step before. */
  static String funnel(InsightsReport.Funnel funnel) {
    long max =
        Math.max(
            1,
            funnel.steps().stream().mapToLong(InsightsReport.FunnelStep::reached).max().orElse(1));
    int row = 26;
    int height = row * funnel.steps().size() + 4;
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\""
                    + " class=\"funnel\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Trakt for %s\">",
                WIDTH,
                height,
                Html.escape(funnel.flowId())));
    int label = 220;
    for (int i = 0; i < funnel.steps().size(); i++) {
      InsightsReport.FunnelStep s = funnel.steps().get(i);
      double w = (WIDTH - label - 150) * (double) s.reached() / max;
      int y = i * row + 2;
      String colour =
          "resolved".equals(s.outcome())
              ? ANSWERED
              : "email".equals(s.outcome()) ? FELL_BACK : "#1a56db";
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#1b1f24\">%s</text>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#1b1f24\">%d%s</text>",
              label - 6,
              y + 16,
              Html.escape(s.step()),
              label,
              y + 3,
              Math.max(1, w),
              row - 8,
              colour,
              label + Math.max(1, w) + 6,
              y + 16,
              s.reached(),
              s.dropOff() == null
                  ? ""
                  : String.format(Locale.ROOT, " (−%.0f %%)", s.dropOff() * 100)));
    }
    return svg.append("</svg>").toString();
  }
}
