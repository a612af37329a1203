package no.faqbot.staff;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import no.faqbot.web.ApiException;

/**
 * HTTP Basic, for scripts: a user and password on every request, each checked like a login (one
 * slow hash, the address's lockout).
 *
 * @param on false when passwords are off ({@code FAQBOT_OIDC_ONLY})
 */
record BasicLogin(StaffAuth auth, boolean on) {
  /**
   * The user of a valid {@code Authorization: Basic} header; empty for none, a malformed one, a
   * wrong password or a locked-out address.
   *
   * @throws ApiException (503, Retry-After) when the cap on hashes at once is reached
   */
  Optional<String> user(Context ctx) {
    String header = ctx.header("Authorization");
    if (!on || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String client = auth.client(ctx);
    try {
      if (!auth.lockedFor(client).isZero()
          || !auth.check(client, user, decoded.substring(colon + 1))) {
        return Optional.empty();
      }
    } catch (ApiException busy) {
      throw busy.header("Retry-After", "1");
    }
    return Optional.of(user);
  }
}
