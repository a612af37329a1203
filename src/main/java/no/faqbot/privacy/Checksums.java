package no.faqbot.privacy;

import java.math.BigInteger;

/**
 * The control digits of personal numbers, so redaction masks a card number, a fødselsnummer or an
 * IBAN by its checksum, not by its shape alone (an order number of the same length stays).
 */
final class Checksums {
  private static final int[] FNR_K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] FNR_K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Checksums() {}

  /** A payment card number: 13–19 digits passing the Luhn check. */
  static boolean luhn(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /**
   * A Norwegian fødselsnummer or D-number: 11 digits, a date (day + 40 for a D-number, month + 40
   * or + 80 for test and H-numbers) and two mod-11 control digits.
   */
  static boolean fodselsnummer(String digits) {
    if (digits.length() != 11) {
      return false;
    }
    int day = Integer.parseInt(digits.substring(0, 2)) % 40;
    int month = Integer.parseInt(digits.substring(2, 4)) % 40;
    if (day < 1 || day > 31 || month < 1 || month > 12) {
      return false;
    }
    return control(digits, FNR_K1) == digits.charAt(9) - '0'
        && control(digits, FNR_K2) == digits.charAt(10) - '0';
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * (digits.charAt(i) - '0');
    }
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k; // 10 is no valid control digit: it never equals a digit
  }

  /** An IBAN: country, two check digits and up to 30 letters or digits, mod 97 equal to 1. */
  static boolean iban(String compact) {
    if (compact.length() < 15 || compact.length() > 34) {
      return false;
    }
    String moved = compact.substring(4) + compact.substring(0, 4);
    StringBuilder number = new StringBuilder(moved.length() * 2);
    for (int i = 0; i < moved.length(); i++) {
      char c = moved.charAt(i);
      if (c >= '0' && c <= '9') {
        number.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        number.append(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(number.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
