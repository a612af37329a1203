package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.flow.Flow;
import org.junit.jupiter.api.Test;

/** The shipped flows' diagrams: nothing overlaps, Markdown shows as text, they fit a page. */
class FlowDiagramTest {
  private final ContentSnapshot content =
      new ContentLoader(Path.of("content"), new MarkdownRenderer()).load();

  @Test
  void no_box_or_label_overlaps_another_and_markdown_is_text() {
    for (Flow flow : content.flows().values()) {
      for (String lang : List.of("nb", "en")) {
        FlowLayout.Layout layout = FlowLayout.of(flow, lang);
        List<FlowLayout.Box> boxes = new ArrayList<>();
        layout.nodes().forEach(n -> boxes.add(n.box()));
        layout.edges().forEach(e -> boxes.add(e.labelBox()));
        for (int i = 0; i < boxes.size(); i++) {
          for (int j = i + 1; j < boxes.size(); j++) {
            assertFalse(
                boxes.get(i).overlaps(boxes.get(j)),
                flow.id() + "/" + lang + ": " + boxes.get(i) + " overlaps " + boxes.get(j));
          }
        }
        assertTrue(layout.edges().size() >= flow.steps().size() - 1, "every arrow is drawn");
        String svg = FlowDiagram.svg(flow, lang);
        assertFalse(svg.contains("**") || svg.contains("`"), "Markdown as text: " + svg);
        System.out.printf(
            Locale.ROOT,
            "%s/%s: %.0f x %.0f px%n",
            flow.id(),
            lang,
            layout.width(),
            layout.height());
        assertTrue(layout.width() <= 1200, flow.id() + " is " + layout.width() + " px wide");
      }
    }
  }

  @Test
  void markdown_becomes_plain_text() {
    assertEquals(
        "Sjekk testmodus i portalen og api punkt",
        DiagramText.plain("Sjekk **testmodus** i [portalen](https://x.no) og `api`\n- punkt"));
  }
}
