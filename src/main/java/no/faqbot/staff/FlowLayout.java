package no.faqbot.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.flow.Flow;
import no.faqbot.flow.Step;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Where the boxes, arrows and arrow labels of a flow diagram go, computed by the Eclipse Layout
 * Kernel's layered algorithm: labels are laid out as part of the graph, so they never overlap. Text
 * sizes are estimated (12 px sans-serif), with room to spare.
 */
public final class FlowLayout {
  static final int BOX_W = 190;
  static final int LINE_H = 15;
  static final int LABEL_H = 16;
  static final int PROMPT_LINES = 4;
  static final int PROMPT_CHARS = 27;
  static final int LABEL_CHARS = 24;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  /** A rectangle in the diagram. */
  public record Box(double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
  }

  /** A step's box with its text lines (Markdown already turned into plain text). */
  public record Node(Step step, Box box, List<String> lines) {}

  /** An arrow as a polyline, with its label box. */
  public record Edge(List<double[]> points, String label, Box labelBox) {}

  public record Layout(double width, double height, List<Node> nodes, List<Edge> edges) {}

  private FlowLayout() {}

  public static Layout of(Flow flow, String lang) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
    root.setProperty(CoreOptions.SPACING_EDGE_NODE, 8.0);
    root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 6.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(16));
    Map<String, ElkNode> nodes = new LinkedHashMap<>();
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (Step step : flow.steps().values()) {
      List<String> text =
          new ArrayList<>(
              wrap(DiagramText.plain(step.prompt().in(lang)), PROMPT_CHARS, PROMPT_LINES));
      String resolved = DiagramText.resolvedLine(step, lang);
      if (resolved != null) {
        text.add(DiagramText.shorten(resolved, PROMPT_CHARS));
      }
      ElkNode n = ElkGraphUtil.createNode(root);
      n.setIdentifier(step.id());
      n.setDimensions(BOX_W, 28 + text.size() * LINE_H + 8);
      nodes.put(step.id(), n);
      lines.put(step.id(), text);
    }
    for (Step step : flow.steps().values()) {
      DiagramText.edges(step, lang)
          .forEach(
              (next, label) -> {
                if (!nodes.containsKey(next)) {
                  return;
                }
                ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(step.id()), nodes.get(next));
                String text = DiagramText.shorten(DiagramText.plain(label), LABEL_CHARS);
                ElkLabel l = ElkGraphUtil.createLabel(text, e);
                l.setDimensions(text.length() * 7 + 8, LABEL_H);
                l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
              });
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    List<Node> outNodes = new ArrayList<>();
    nodes.forEach(
        (id, n) ->
            outNodes.add(
                new Node(
                    flow.step(id),
                    new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight()),
                    lines.get(id))));
    List<Edge> outEdges = new ArrayList<>();
    for (ElkEdge e : root.getContainedEdges()) {
      List<double[]> points = new ArrayList<>();
      for (ElkEdgeSection s : e.getSections()) {
        points.add(new double[] {s.getStartX(), s.getStartY()});
        for (ElkBendPoint b : s.getBendPoints()) {
          points.add(new double[] {b.getX(), b.getY()});
        }
        points.add(new double[] {s.getEndX(), s.getEndY()});
      }
      ElkLabel l = e.getLabels().get(0);
      outEdges.add(
          new Edge(points, l.getText(), new Box(l.getX(), l.getY(), l.getWidth(), l.getHeight())));
    }
    KVector size = new KVector(root.getWidth(), root.getHeight());
    return new Layout(size.x, size.y, outNodes, outEdges);
  }

  /** Words in lines of at most {@code chars}; the last line ends in "…" when text is left over. */
  static List<String> wrap(String text, int chars, int maxLines) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > chars) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    if (out.size() > maxLines) {
      List<String> cut = new ArrayList<>(out.subList(0, maxLines));
      cut.set(maxLines - 1, DiagramText.shorten(cut.get(maxLines - 1) + " …", chars));
      return cut;
    }
    return out;
  }
}
