package no.faqbot.flow;

import java.util.Map;
import no.faqbot.format.Languages;

/**
 * A text in every language ({@code {nb: ..., en: ...}}), so a flow's tree cannot drift between
 * them.
 */
public record Text(Map<String, String> byLang) {
  public static final Text EMPTY = new Text(Map.of());

  public Text {
    byLang = Map.copyOf(byLang);
  }

  /** The text in {@code lang}, else in the default language, else empty. */
  public String in(String lang) {
    String t = byLang.get(lang);
    return t != null ? t : byLang.getOrDefault(Languages.DEFAULT, "");
  }
}
