package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The widget stays small and CSP-safe. */
class WidgetAssetsTest {
  private static final Path JS = Path.of("src/main/resources/public/widget.js");
  private static final Path CSS = Path.of("src/main/resources/public/widget.css");

  private static int gzipped(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(data);
    }
    return out.size();
  }

  @Test
  void script_and_styles_gzip_to_at_most_25_kb() throws IOException {
    int size = gzipped(Files.readAllBytes(JS)) + gzipped(Files.readAllBytes(CSS));
    System.out.println("widget.js + widget.css gzipped: " + size + " bytes");
    assertTrue(size <= 25 * 1024, "widget is " + size + " bytes gzipped; the budget is 25 KB");
  }

  @Test
  void the_script_uses_no_eval_and_loads_nothing_from_elsewhere() throws IOException {
    String js = Files.readString(JS);
    assertFalse(js.contains("eval("), "no eval");
    assertFalse(js.contains("new Function"), "no new Function");
    assertFalse(
        js.matches("(?s).*https?://(?!www\\.w3\\.org/2000/svg|HOST/).*"),
        "no third-party address in the widget");
  }
}
