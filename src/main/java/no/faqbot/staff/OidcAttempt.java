package no.faqbot.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One OpenID Connect login under way: the state, nonce and PKCE verifier the browser's trip to the
 * provider must come back with. Kept in a short-lived cookie signed with a key the replicas share
 * (the store's), so the callback may reach any replica and nothing is kept on the server for logins
 * that are never finished.
 *
 * @param state sent to the provider and checked when it comes back (login CSRF)
 * @param nonce put into the ID token by the provider and checked there (token replay)
 * @param verifier the PKCE code verifier; only its S256 challenge goes to the provider
 * @param expires when the attempt stops being accepted
 */
record OidcAttempt(String state, String nonce, String verifier, Instant expires) {
  /** Letters, digits, {@code - _ .~}: what the three random values are made of. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,128}");

  /** {@code state.nonce.verifier.expires.mac}, each field base64url or digits. */
  String sign(byte[] key) {
    String body = state + "." + nonce + "." + verifier + "." + expires.getEpochSecond();
    return body + "." + mac(key, body);
  }

  /**
   * The attempt in {@code cookie} when it is whole, signed with {@code key} and not expired at
   * {@code now}; else empty (a changed, foreign or old cookie is the same as none).
   */
  static Optional<OidcAttempt> verify(String cookie, byte[] key, Instant now) {
    if (cookie == null || cookie.length() > 1024) {
      return Optional.empty();
    }
    int cut = cookie.lastIndexOf('.');
    if (cut < 0) {
      return Optional.empty();
    }
    String body = cookie.substring(0, cut);
    if (!MessageDigest.isEqual(
        mac(key, body).getBytes(StandardCharsets.US_ASCII),
        cookie.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    String[] parts = body.split("\\.", -1);
    if (parts.length != 4
        || !TOKEN.matcher(parts[0]).matches()
        || !TOKEN.matcher(parts[1]).matches()
        || !TOKEN.matcher(parts[2]).matches()
        || !parts[3].matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
    return expires.isAfter(now)
        ? Optional.of(new OidcAttempt(parts[0], parts[1], parts[2], expires))
        : Optional.empty();
  }

  private static String mac(byte[] key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      // A label, so this key's MACs can never stand in for another use of the same key.
      mac.update("faqbot-oidc-attempt:".getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
