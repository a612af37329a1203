package no.faqbot.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.format.Languages;
import no.faqbot.format.WordLists;

/**
 * Names of things of a kind the content speaks of only in general: countries and months, in bokmål,
 * nynorsk, Swedish, Danish and English. A merchant names the country ("we get orders from
 * Portugal") or the month ("all purchases in March"); the content says "land" and "måned". A name
 * the content does not know stands for the content's word for its kind, so the message meets the
 * entries about selling abroad or reports for a period instead of matching nothing.
 */
final class KindNames {
  /** Read from {@code no/faqbot/words/<lang>/country-names.txt}. */
  private static final List<String> COUNTRIES = WordLists.lines("country-names");

  private static final List<String> MONTHS = WordLists.lines("month-names");

  /** The content's word for each kind, by language ({@code <lang>/kind-words.txt}). */
  private static final Map<String, String> COUNTRY = kindWord("country");

  private static final Map<String, String> MONTH = kindWord("month");

  /** The analysed word for its kind, by analysed name. */
  private final Map<String, String> kinds = new HashMap<>();

  KindNames(String lang, TextAnalysis analysis) {
    add(COUNTRIES, COUNTRY.getOrDefault(lang, COUNTRY.get(Languages.DEFAULT)), lang, analysis);
    add(MONTHS, MONTH.getOrDefault(lang, MONTH.get(Languages.DEFAULT)), lang, analysis);
  }

  private void add(List<String> names, String kind, String lang, TextAnalysis analysis) {
    List<String> word = analysis.terms(lang, kind);
    if (word.size() != 1) {
      return;
    }
    for (String name : names) {
      List<String> terms = analysis.terms(lang, name);
      if (terms.size() == 1) {
        kinds.putIfAbsent(terms.get(0), word.get(0));
      }
    }
  }

  private static Map<String, String> kindWord(String kind) {
    Map<String, String> byLang = new HashMap<>();
    for (String lang : WordLists.LANGUAGES) {
      Map<String, String> words = WordLists.map("kind-words", lang);
      if (words != null && words.containsKey(kind)) {
        byLang.put(lang, words.get(kind));
      }
    }
    return Map.copyOf(byLang);
  }

  /** The analysed word for the kind {@code term} names (a country, a month), else null. */
  String kind(String term) {
    return kinds.get(term);
  }
}
