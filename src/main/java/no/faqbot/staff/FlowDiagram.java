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
    String width = n(layout.width());
    String height = n(layout.height());
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"")
        .append(height + "\" viewBox=\"0 0 " + width + ' ' + height)
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
      box(svg.append("\"/><rect"), b).append(" fill=\"#fff\" opacity=\"0.9\"/>");
      text(svg, b.x() + 4, b.y() + 12, " fill=\"#1a56db\"", e.label());
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
      box(svg.append("<g><rect"), b)
          .append(" rx=\"8\" fill=\"")
          .append(fill)
          .append("\" stroke=\"#333\"/>");
      String title = node.step().id() + " (" + node.step().kind().json() + ")";
      text(svg, b.x() + 8, b.y() + 18, " font-weight=\"bold\"", title);
      for (int i = 0; i < node.lines().size(); i++) {
        text(svg, b.x() + 8, b.y() + 36 + i * FlowLayout.LINE_H, "", node.lines().get(i));
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** Appends the box's {@code x}, {@code y}, {@code width} and {@code height} attributes. */
  private static StringBuilder box(StringBuilder svg, FlowLayout.Box b) {
    return svg.append(" x=\"")
        .append(n(b.x()))
        .append("\" y=\"")
        .append(n(b.y()))
        .append("\" width=\"")
        .append(n(b.w()))
        .append("\" height=\"")
        .append(n(b.h()))
        .append('"');
  }

  /** Appends {@code <text x y attributes>content</text>}, the content escaped. */
  private static void text(
      StringBuilder svg, double x, double y, String attributes, String content) {
    svg.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append('"')
        .append(attributes)
        .append('>')
        .append(Html.escape(content))
        .append("</text>");
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
