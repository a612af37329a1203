package no.faqbot.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders an answer's Markdown to sanitised HTML and to plain text. Editors are trusted less than
 * code: raw HTML in Markdown is escaped and the result passes an allow-list sanitiser anyway.
 */
public final class MarkdownRenderer {
  /**
   * Built at the first answer rendered, not at start: a start that finds every file in the {@link
   * ParsedEntryCache} renders nothing. All are thread-safe and shared.
   */
  private static final class Engines {
    static final List<Extension> EXTENSIONS = List.of();
    static final PolicyFactory POLICY =
        Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(
                new HtmlPolicyBuilder()
                    .allowElements("a", "ul", "ol", "li", "code", "pre", "hr", "br")
                    .allowUrlProtocols("https", "http", "mailto")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelNofollowOnLinks()
                    .toFactory());
    static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    static final HtmlRenderer HTML =
        HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
    static final TextContentRenderer TEXT =
        TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();
  }

  /** An answer rendered both ways from one parse of its Markdown. */
  public record Rendered(String text, String html) {}

  /** Plain text (for copying into an e-mail and for indexing) and sanitised HTML (for display). */
  public Rendered render(String markdown) {
    Node document = Engines.PARSER.parse(markdown);
    return new Rendered(
        toText(document), Engines.POLICY.sanitize(Engines.HTML.render(document)).strip());
  }

  private String toText(Node document) {
    // Soft line breaks inside a paragraph become spaces; blank lines and list items stay.
    return SOFT_BREAK.matcher(Engines.TEXT.render(document).strip()).replaceAll(" ");
  }

  private static final java.util.regex.Pattern SOFT_BREAK =
      java.util.regex.Pattern.compile("(?<!\\n)\\n(?!\\n|[-*] |\\d+\\. )");
}
