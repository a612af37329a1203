package no.faqbot.format;

import java.util.List;

/** The languages faqbot serves; the first one is the fallback when a translation is missing. */
public final class Languages {
  public static final String DEFAULT = "nb";
  public static final List<String> ALL = List.of("nb", "en");

  private Languages() {}

  public static boolean isSupported(String lang) {
    return lang != null && ALL.contains(lang); // List.of(...).contains(null) throws
  }

  /** {@code lang} when served, else a clear error naming the languages that are. */
  public static String require(String lang) {
    if (!isSupported(lang)) {
      throw new IllegalArgumentException("unsupported lang '" + lang + "': use one of " + ALL);
    }
    return lang;
  }

  /**
   * {@code lang} as a client sent it: none (null or blank) means the default, else it must be
   * served.
   */
  public static String orDefault(String lang) {
    return lang == null || lang.isBlank() ? DEFAULT : require(lang);
  }
}
