package no.faqbot.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow password hash (PBKDF2 with HMAC-SHA256 from the JDK); the password is never kept.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
  static final int ITERATIONS = 120_000;

  public static PasswordHash of(String password) {
    return of(password, ITERATIONS);
  }

  static PasswordHash of(String password, int iterations) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /**
   * Constant-time comparison, so timing tells nothing about how close a guess was; a missing
   * password is hashed too (as empty), so it takes as long as a wrong one.
   */
  public boolean matches(String password) {
    boolean same =
        MessageDigest.isEqual(hash, derive(password == null ? "" : password, salt, iterations));
    return password != null && same;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "pbkdf2$"
        + iterations
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(hash);
  }

  /**
   * Reads what {@link #toString} wrote ({@code pbkdf2$iterations$salt$hash}).
   *
   * @throws IllegalArgumentException when {@code text} is not in that form
   */
  public static PasswordHash parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2")) {
      throw new IllegalArgumentException(
          "not a stored password hash (pbkdf2$iterations$salt$hash)");
    }
    try {
      return new PasswordHash(
          Integer.parseInt(parts[1]),
          Base64.getDecoder().decode(parts[2]),
          Base64.getDecoder().decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a damaged stored password hash: " + e.getMessage(), e);
    }
  }

  public static String randomPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
