package no.faqbot.format;

import java.util.List;

/** The languages faqbot serves; the first one is the fallback when a translation is missing. */
public final class Languages {
  public static final String DEFAULT = "nb";
  public static final List<String> ALL = List.of("nb", "en");

  private Languages() {}

  public static boolean isSupported(String lang) {
    return ALL.contains(lang);
  }
}
