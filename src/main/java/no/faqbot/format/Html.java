package no.faqbot.format;

/** Text put into HTML or SVG markup that the server writes itself, outside the templates. */
public final class Html {
  private Html() {}

  /**
   * {@code text} with the characters that could end a text node or an attribute value escaped; null
   * is empty.
   */
  public static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
  }
}
