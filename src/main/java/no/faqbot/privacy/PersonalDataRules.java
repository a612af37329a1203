package no.faqbot.privacy;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Personal numbers a merchant may paste about a customer, found by shape and kept unless their
 * control digits hold ({@link Checksums}): payment card numbers, fødselsnumre and IBANs.
 */
final class PersonalDataRules {
  /** Not part of a longer word or number (also not one joined by a hyphen, as in a UUID). */
  private static final String START = "(?<![\\p{L}\\p{N}_])(?<!\\p{N}-)";

  private static final String END = "(?![\\p{L}\\p{N}_])(?!-\\p{N})";

  /** Each needs a digit: most chat messages have none and skip these rules. */
  private static final List<String> DIGITS =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private PersonalDataRules() {}

  static final List<SecretRules.Rule> ALL =
      List.of(
          new SecretRules.Rule(
              "card number",
              Pattern.compile(START + "[2-6]\\d{3}(?:[ \\-]?\\d){9,15}" + END),
              PersonalDataRules::card,
              DIGITS),
          new SecretRules.Rule(
              "national identity number",
              Pattern.compile(START + "\\d{6} ?\\d{5}" + END),
              m -> Checksums.fodselsnummer(m.group().replace(" ", "")) ? SecretRules.REMOVED : null,
              DIGITS),
          new SecretRules.Rule(
              "IBAN",
              Pattern.compile(START + "[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4}){3,8}" + END),
              PersonalDataRules::iban,
              DIGITS));

  /** Groups of at least 3 digits (4-4-4-4, 4-6-5), not a row of short ones like a phone number. */
  private static String card(MatchResult m) {
    String[] groups = m.group().split("[ \\-]");
    for (String group : groups) {
      if (groups.length > 1 && group.length() < 3) {
        return null;
      }
    }
    return Checksums.luhn(m.group().replaceAll("[ \\-]", "")) ? SecretRules.REMOVED : null;
  }

  /** The IBAN, also when a word in capitals after it was taken for its last group. */
  private static String iban(MatchResult m) {
    String text = m.group();
    for (int cut = text.length(); cut >= 15; cut = text.lastIndexOf(' ', cut - 1)) {
      if (Checksums.iban(text.substring(0, cut).replace(" ", ""))) {
        return SecretRules.REMOVED + text.substring(cut);
      }
    }
    return null;
  }
}
