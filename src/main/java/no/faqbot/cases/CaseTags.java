package no.faqbot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.faqbot.support.SupportField;

/**
 * A case's fields as helpdesk tags ({@code store_k123456}, {@code error_bad_value}), so that
 * helpdesks can sort and route cases on them: lower case, no spaces, short.
 */
final class CaseTags {
  private CaseTags() {}

  static List<String> of(KeptCase c) {
    List<String> tags = new ArrayList<>(List.of("faqbot", "lang_" + tag(c.lang())));
    add(tags, "store_", c.request().field(SupportField.STORE_ID));
    add(tags, "error_", c.request().field(SupportField.ERROR_CODE));
    add(tags, "http_", c.request().field(SupportField.HTTP_STATUS));
    add(tags, "platform_", c.request().field(SupportField.PLATFORM));
    return tags;
  }

  private static void add(List<String> tags, String prefix, String value) {
    if (value != null && !value.isBlank()) {
      String t = prefix + tag(value);
      tags.add(t.length() > 60 ? t.substring(0, 60) : t);
    }
  }

  private static String tag(String value) {
    return value.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_.-]+", "_");
  }
}
