package no.faqbot.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of things of a kind the content speaks of only in general: countries and months, in bokmål,
 * nynorsk, Swedish, Danish and English. A merchant names the country ("we get orders from
 * Portugal") or the month ("all purchases in March"); the content says "land" and "måned". A name
 * the content does not know stands for the content's word for its kind, so the message meets the
 * entries about selling abroad or reports for a period instead of matching nothing.
 */
final class KindNames {
  private static final List<String> COUNTRIES =
      List.of(
          "Norge",
          "Noreg",
          "Norway",
          "Sverige",
          "Sweden",
          "Danmark",
          "Denmark",
          "Finland",
          "Suomi",
          "Island",
          "Iceland",
          "Færøyene",
          "Grønland",
          "Greenland",
          "Tyskland",
          "Germany",
          "Nederland",
          "Netherlands",
          "Holland",
          "Belgia",
          "Belgium",
          "Belgien",
          "Luxembourg",
          "Frankrike",
          "France",
          "Frankrig",
          "Spania",
          "Spain",
          "Spanien",
          "Portugal",
          "Italia",
          "Italy",
          "Italien",
          "Sveits",
          "Switzerland",
          "Schweiz",
          "Østerrike",
          "Österrike",
          "Østrig",
          "Austria",
          "Polen",
          "Poland",
          "Tsjekkia",
          "Czechia",
          "Tjeckien",
          "Tjekkiet",
          "Slovakia",
          "Ungarn",
          "Hungary",
          "Romania",
          "Rumænien",
          "Bulgaria",
          "Hellas",
          "Greece",
          "Grekland",
          "Grækenland",
          "Irland",
          "Ireland",
          "Storbritannia",
          "Britain",
          "England",
          "Skottland",
          "Scotland",
          "Wales",
          "Estland",
          "Estonia",
          "Latvia",
          "Lettland",
          "Litauen",
          "Lithuania",
          "Kroatia",
          "Croatia",
          "Slovenia",
          "Serbia",
          "Ukraina",
          "Ukraine",
          "Tyrkia",
          "Turkey",
          "Turkiet",
          "Kypros",
          "Cyprus",
          "Malta",
          "Russland",
          "Russia",
          "USA",
          "Amerika",
          "America",
          "Canada",
          "Kanada",
          "Mexico",
          "Brasil",
          "Brazil",
          "Argentina",
          "Australia",
          "Japan",
          "Kina",
          "China",
          "India",
          "Thailand",
          "Singapore",
          "Dubai",
          "Marokko",
          "Egypt",
          "Sør-Afrika");

  private static final List<String> MONTHS =
      List.of(
          "januar",
          "january",
          "januari",
          "februar",
          "february",
          "februari",
          "mars",
          "march",
          "april",
          "mai",
          "may",
          "maj",
          "juni",
          "june",
          "juli",
          "july",
          "august",
          "augusti",
          "september",
          "oktober",
          "october",
          "november",
          "desember",
          "december");

  /** The content's word for each kind, by language. */
  private static final Map<String, String> COUNTRY = Map.of("nb", "land", "en", "country");

  private static final Map<String, String> MONTH = Map.of("nb", "måned", "en", "month");

  /** The analysed word for its kind, by analysed name. */
  private final Map<String, String> kinds = new HashMap<>();

  KindNames(String lang, TextAnalysis analysis) {
    add(COUNTRIES, COUNTRY.getOrDefault(lang, "land"), lang, analysis);
    add(MONTHS, MONTH.getOrDefault(lang, "måned"), lang, analysis);
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

  /** The analysed word for the kind {@code term} names (a country, a month), else null. */
  String kind(String term) {
    return kinds.get(term);
  }
}
