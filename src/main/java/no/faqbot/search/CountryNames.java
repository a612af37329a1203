package no.faqbot.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of countries, in bokmål, nynorsk, Swedish, Danish and English. A merchant names the country
 * ("we get orders from Portugal"); the content speaks of countries and markets in general. A name
 * the content does not know stands for the content's word for a country, so the message meets the
 * entries about selling abroad instead of matching nothing.
 */
final class CountryNames {
  private static final List<String> NAMES =
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

  /** The content's word for a country, by language. */
  private static final java.util.Map<String, String> COUNTRY =
      java.util.Map.of("nb", "land", "en", "country");

  private final Set<String> names = new HashSet<>();
  private final String country;

  CountryNames(String lang, TextAnalysis analysis) {
    for (String name : NAMES) {
      List<String> terms = analysis.terms(lang, name);
      if (terms.size() == 1) {
        names.add(terms.get(0));
      }
    }
    List<String> word = analysis.terms(lang, COUNTRY.getOrDefault(lang, "land"));
    country = word.isEmpty() ? null : word.get(0);
  }

  /** The analysed word for a country when {@code term} names one, else null. */
  String country(String term) {
    return names.contains(term) ? country : null;
  }
}
