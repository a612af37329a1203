package no.faqbot.staff;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random tokens: session ids and CSRF tokens, 24 random bytes each in base64url. */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static String fresh() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
