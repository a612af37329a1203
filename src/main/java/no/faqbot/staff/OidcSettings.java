package no.faqbot.staff;

import java.net.URI;

/**
 * The optional OpenID Connect login for staff ({@code FAQBOT_OIDC_*}); {@link #OFF} when no issuer
 * is set.
 *
 * @param issuer {@code FAQBOT_OIDC_ISSUER}: the provider's issuer URL; its discovery document is
 *     {@code <issuer>/.well-known/openid-configuration}
 * @param clientId {@code FAQBOT_OIDC_CLIENT_ID}: faqbot's client id at the provider
 * @param clientSecret {@code FAQBOT_OIDC_CLIENT_SECRET}: its secret; null for a public client (PKCE
 *     alone). Never logged, never in a message
 * @param redirectUri {@code FAQBOT_OIDC_REDIRECT_URI}: where the provider sends the browser back,
 *     ending in {@link #CALLBACK}; registered at the provider as it is written here
 * @param name {@code FAQBOT_OIDC_NAME}: the provider's name on the login button
 * @param userClaim {@code FAQBOT_OIDC_USER_CLAIM}: the ID token claim that must equal a staff
 *     account's name
 * @param only {@code FAQBOT_OIDC_ONLY}: password logins (form and HTTP Basic) are turned off
 */
public record OidcSettings(
    URI issuer,
    String clientId,
    String clientSecret,
    URI redirectUri,
    String name,
    String userClaim,
    boolean only) {
  /** The path the provider sends the browser back to. */
  public static final String CALLBACK = "/staff/login/oidc/callback";

  public static final String DEFAULT_USER_CLAIM = "email";

  public static final OidcSettings OFF =
      new OidcSettings(null, null, null, null, null, DEFAULT_USER_CLAIM, false);

  public boolean on() {
    return issuer != null;
  }

  /** Never the secret: records print every component otherwise. */
  @Override
  public String toString() {
    return on() ? name + " (" + issuer + ", client " + clientId + ")" : "off";
  }
}
