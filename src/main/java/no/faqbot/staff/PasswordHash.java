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

  static String randomPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
