package no.faqbot.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The server's own words (flow buttons, diagram edges, the support e-mail), one file per language:
 * {@code no/faqbot/words/<lang>.properties}. Content words (FAQ entries, flows, canned replies)
 * belong to editors and stay in the content folder; the widget's are in its script.
 */
public final class Words {
  private static final Map<String, Words> BY_LANG = loadAll();

  private final String lang;
  private final Map<String, String> words;

  private Words(String lang, Map<String, String> words) {
    this.lang = lang;
    this.words = words;
  }

  /** The words of {@code lang}, which must be served. */
  public static Words in(String lang) {
    return BY_LANG.get(Languages.require(lang));
  }

  /** The word for {@code key}; a missing one is a bug, found by {@code WordsTest}. */
  public String get(String key) {
    String word = words.get(key);
    if (word == null) {
      throw new IllegalStateException("no word '" + key + "' in " + lang + ".properties");
    }
    return word;
  }

  /** Every key of this language, to check that all languages have the same. */
  public Set<String> keys() {
    return words.keySet();
  }

  private static Map<String, Words> loadAll() {
    Map<String, Words> all = new HashMap<>();
    for (String lang : Languages.ALL) {
      String resource = "/no/faqbot/words/" + lang + ".properties";
      try (InputStream in = Words.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is missing");
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> words = new HashMap<>();
        p.stringPropertyNames().forEach(k -> words.put(k, p.getProperty(k)));
        all.put(lang, new Words(lang, Map.copyOf(words)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return Map.copyOf(all);
  }
}
