package no.faqbot.staff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.flow.Flow;
import no.faqbot.flow.Step;
import no.faqbot.format.Words;

/**
 * Draws a flow as an SVG on the server (no script, nothing loaded from elsewhere): one row of boxes
 * per distance from the start, arrows labelled with the option that leads there.
 */
public final class FlowDiagram {
  private static final int BOX_W = 220;
  private static final int BOX_H = 64;
  private static final int GAP_X = 40;
  private static final int GAP_Y = 70;
  private static final int MARGIN = 20;

  private FlowDiagram() {}

  public static String svg(Flow flow, String lang) {
    Map<String, Integer> level = new LinkedHashMap<>();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(flow.start()));
    level.put(flow.start(), 0);
    while (!todo.isEmpty()) {
      String id = todo.poll();
      for (String next : flow.step(id).successors()) {
        if (!level.containsKey(next)) {
          level.put(next, level.get(id) + 1);
          todo.add(next);
        }
      }
    }
    Map<Integer, List<String>> rows = new LinkedHashMap<>();
    level.forEach((id, l) -> rows.computeIfAbsent(l, k -> new ArrayList<>()).add(id));
    int columns = rows.values().stream().mapToInt(List::size).max().orElse(1);
    int width = MARGIN * 2 + columns * BOX_W + (columns - 1) * GAP_X;
    int height = MARGIN * 2 + rows.size() * BOX_H + (rows.size() - 1) * GAP_Y;
    Map<String, int[]> pos = new LinkedHashMap<>();
    rows.forEach((l, ids) -> {
      int rowWidth = ids.size() * BOX_W + (ids.size() - 1) * GAP_X;
      int x0 = (width - rowWidth) / 2;
      for (int i = 0; i < ids.size(); i++) {
        pos.put(ids.get(i), new int[] {x0 + i * (BOX_W + GAP_X), MARGIN + l * (BOX_H + GAP_Y)});
      }
    });
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">")
        .append("<title>").append(esc(flow.title().in(lang))).append("</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
    for (Step step : flow.steps().values()) {
      int[] from = pos.get(step.id());
      if (from == null) {
        continue;
      }
      for (Map.Entry<String, String> edge : edges(step, lang).entrySet()) {
        int[] to = pos.get(edge.getKey());
        int x1 = from[0] + BOX_W / 2;
        int y1 = from[1] + BOX_H;
        int x2 = to[0] + BOX_W / 2;
        int y2 = to[1];
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2).append("\" y2=\"")
            .append(y2).append("\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>")
            .append("<text x=\"").append((x1 + x2) / 2 + 4).append("\" y=\"").append((y1 + y2) / 2)
            .append("\" fill=\"#1a56db\">").append(esc(shorten(edge.getValue(), 30))).append("</text>");
      }
    }
    for (Step step : flow.steps().values()) {
      int[] p = pos.get(step.id());
      if (p == null) {
        continue;
      }
      String fill = switch (step.kind()) {
        case EMAIL -> "#fde8e8";
        case END -> "#e3f6e8";
        case FORM -> "#fff4d6";
        default -> "#eef2ff";
      };
      svg.append("<g><rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(BOX_W)
          .append("\" height=\"").append(BOX_H).append("\" rx=\"8\" fill=\"").append(fill).append("\" stroke=\"#333\"/>")
          .append("<text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 18).append("\" font-weight=\"bold\">")
          .append(esc(step.id())).append(" (").append(step.kind().json()).append(")</text>")
          .append("<text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 38).append("\">")
          .append(esc(shorten(step.prompt().in(lang), 34))).append("</text></g>");
    }
    return svg.append("</svg>").toString();
  }

  private static Map<String, String> edges(Step step, String lang) {
    Map<String, String> edges = new LinkedHashMap<>();
    switch (step.kind()) {
      case CHOICE -> step.options().forEach(o -> edges.merge(o.next(), o.label().in(lang), (a, b) -> a + " / " + b));
      case INFO -> {
        edges.put(step.resolved(), Words.in(lang).get("diagram.helped"));
        edges.merge(step.next(), Words.in(lang).get("diagram.notHelped"), (a, b) -> a + " / " + b);
      }
      case FORM -> edges.put(step.next(), Words.in(lang).get("diagram.filledIn"));
      default -> { }
    }
    return edges;
  }

  private static String shorten(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
