package no.faqbot.staff;

import java.util.Locale;
import no.faqbot.flow.Flow;
import no.faqbot.format.Html;

/**
 * Draws a flow as an SVG on the server (no script, nothing loaded from elsewhere), laid out by
 * {@link FlowLayout}: boxes per step with its kind and prompt, arrows labelled with the answer that
 * leads there. The SVG scales down to the page width (its viewBox keeps the proportions).
 */
public final class FlowDiagram {
  private FlowDiagram() {}

  public static String svg(Flow flow, String lang) {
    FlowLayout.Layout layout = FlowLayout.of(flow, lang);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(n(layout.width()))
        .append("\" height=\"")
        .append(n(layout.height()))
        .append("\" viewBox=\"0 0 ")
        .append(n(layout.width()))
        .append(' ')
        .append(n(layout.height()))
        .append("\" font-family=\"sans-serif\" font-size=\"12\">")
        .append("<title>")
        .append(Html.escape(flow.title().in(lang)))
        .append("</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\"")
        .append(" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
    for (FlowLayout.Edge e : layout.edges()) {
      svg.append("<polyline fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\" points=\"");
      e.points().forEach(p -> svg.append(n(p[0])).append(',').append(n(p[1])).append(' '));
      FlowLayout.Box b = e.labelBox();
      svg.append("\"/><rect x=\"")
          .append(n(b.x()))
          .append("\" y=\"")
          .append(n(b.y()))
          .append("\" width=\"")
          .append(n(b.w()))
          .append("\" height=\"")
          .append(n(b.h()))
          .append("\" fill=\"#fff\" opacity=\"0.9\"/>")
          .append("<text x=\"")
          .append(n(b.x() + 4))
          .append("\" y=\"")
          .append(n(b.y() + 12))
          .append("\" fill=\"#1a56db\">")
          .append(Html.escape(e.label()))
          .append("</text>");
    }
    for (FlowLayout.Node node : layout.nodes()) {
      FlowLayout.Box b = node.box();
      String fill =
          switch (node.step().kind()) {
            case EMAIL -> "#fde8e8";
            case END -> "#e3f6e8";
            case FORM -> "#fff4d6";
            default -> "#eef2ff";
          };
      svg.append("<g><rect x=\"")
          .append(n(b.x()))
          .append("\" y=\"")
          .append(n(b.y()))
          .append("\" width=\"")
          .append(n(b.w()))
          .append("\" height=\"")
          .append(n(b.h()))
          .append("\" rx=\"8\" fill=\"")
          .append(fill)
          .append("\" stroke=\"#333\"/><text x=\"")
          .append(n(b.x() + 8))
          .append("\" y=\"")
          .append(n(b.y() + 18))
          .append("\" font-weight=\"bold\">")
          .append(Html.escape(node.step().id()))
          .append(" (")
          .append(node.step().kind().json())
          .append(")</text>");
      for (int i = 0; i < node.lines().size(); i++) {
        svg.append("<text x=\"")
            .append(n(b.x() + 8))
            .append("\" y=\"")
            .append(n(b.y() + 36 + i * FlowLayout.LINE_H))
            .append("\">")
            .append(Html.escape(node.lines().get(i)))
            .append("</text>");
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
