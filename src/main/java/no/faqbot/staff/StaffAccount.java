package no.faqbot.staff;

import java.util.regex.Pattern;
import no.faqbot.web.StaffRole;

/** A named staff member: the role and the slow hash of the password (never the password). */
public record StaffAccount(String name, StaffRole role, PasswordHash hash, long created) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

  /** The shortest password a person may choose; generated ones are longer. */
  public static final int MIN_PASSWORD = 12;

  /**
   * @throws IllegalArgumentException when {@code name} is not 1 to 64 letters, digits and {@code .
   *     _ @ + -}, starting with a letter or digit
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a staff name is 1 to 64 letters, digits and . _ @ + - (starting with a letter or digit),"
              + " got '"
              + LogText.printable(name, 64)
              + "'");
    }
    return name;
  }

  /**
   * @throws IllegalArgumentException when {@code password} is too short to be safe
   */
  public static String checkPassword(String password) {
    if (password == null || password.strip().length() < MIN_PASSWORD) {
      throw new IllegalArgumentException(
          "a staff password needs at least " + MIN_PASSWORD + " characters");
    }
    return password;
  }
}
