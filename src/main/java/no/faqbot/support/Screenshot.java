package no.faqbot.support;

import java.util.Locale;

/**
 * An uploaded screenshot whose content was recognised as an image; the name is safe for a MIME
 * header. Its bytes are read from {@code content} when the e-mail is written.
 */
public record Screenshot(String name, ImageType type, long size, UploadContent content) {
  private static final int MAX_NAME = 80;

  /**
   * A file name that is safe anywhere: letters, digits, dot, dash and underscore only, no path, and
   * the extension of the type the content really has.
   */
  public static String safeName(String original, ImageType type, int index) {
    String base = original == null ? "" : original.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    base =
        java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("æ", "ae")
            .replace("Æ", "AE")
            .replaceAll("[^A-Za-z0-9._-]+", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
    if (base.isEmpty()) {
      base = "skjermbilde-" + index;
    }
    if (base.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME);
    }
    return base.toLowerCase(Locale.ROOT) + "." + type.extension();
  }
}
