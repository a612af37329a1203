package no.faqbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import no.faqbot.staff.OidcSettings;

/** Reads the OpenID Connect staff login's settings, which only make sense together. */
final class OidcReader {
  private final SettingsReader in;

  OidcReader(SettingsReader in) {
    this.in = in;
  }

  /**
   * The OpenID Connect staff login ({@code FAQBOT_OIDC_*}): off without an issuer; with one, the
   * client id and the redirect URI must be set too. Only whether the secret is set is ever said.
   */
  OidcSettings oidc() {
    String issuer = in.read(StaffCatalogue.OIDC_ISSUER);
    boolean only = in.read(StaffCatalogue.OIDC_ONLY);
    String userClaim = in.read(StaffCatalogue.OIDC_USER_CLAIM);
    if (issuer == null) {
      for (Setting<String> s :
          List.of(
              StaffCatalogue.OIDC_CLIENT_ID,
              StaffCatalogue.OIDC_CLIENT_SECRET,
              StaffCatalogue.OIDC_REDIRECT_URI,
              StaffCatalogue.OIDC_NAME)) {
        if (in.raw(s) != null) {
          in.add(
              s.variable()
                  + " is set but "
                  + StaffCatalogue.OIDC_ISSUER.variable()
                  + " is not: set the provider's issuer URL to turn the OpenID Connect login on,"
                  + " or unset "
                  + s.variable());
        }
      }
      if (only) {
        in.add(
            StaffCatalogue.OIDC_ONLY.variable()
                + "=on turns password logins off, which needs "
                + StaffCatalogue.OIDC_ISSUER.variable()
                + " (else nobody could log in)");
      }
      in.check();
      return OidcSettings.OFF;
    }
    URI issuerUri =
        oidcAddress(StaffCatalogue.OIDC_ISSUER, issuer, "https://login.example.com/realms/shop");
    String clientId = in.read(StaffCatalogue.OIDC_CLIENT_ID);
    if (clientId == null) {
      in.add(
          StaffCatalogue.OIDC_CLIENT_ID.variable()
              + " must be set with FAQBOT_OIDC_ISSUER: faqbot's client id at the provider");
    }
    String redirect = in.read(StaffCatalogue.OIDC_REDIRECT_URI);
    URI redirectUri = null;
    if (redirect == null) {
      // Made up from the request's Host header, it would follow whatever a client claims.
      in.add(
          StaffCatalogue.OIDC_REDIRECT_URI.variable()
              + " must be set with FAQBOT_OIDC_ISSUER: this server's public address ending in "
              + OidcSettings.CALLBACK
              + ", as registered at the provider");
    } else {
      redirectUri =
          oidcAddress(
              StaffCatalogue.OIDC_REDIRECT_URI,
              redirect,
              "https://faqbot.shop.no" + OidcSettings.CALLBACK);
      if (redirectUri != null && !redirectUri.getRawPath().endsWith(OidcSettings.CALLBACK)) {
        in.problem(
            StaffCatalogue.OIDC_REDIRECT_URI,
            redirect,
            "an address ending in " + OidcSettings.CALLBACK + ", where faqbot takes the return");
        redirectUri = null;
      }
    }
    String secret = in.read(StaffCatalogue.OIDC_CLIENT_SECRET);
    String name = in.read(StaffCatalogue.OIDC_NAME);
    in.check();
    return new OidcSettings(
        issuerUri,
        clientId,
        secret == null || secret.isEmpty() ? null : secret,
        redirectUri,
        name != null ? name : issuerUri.getHost(),
        userClaim,
        only);
  }

  /**
   * An https address without a query or fragment; http only to this machine (a provider in a test
   * or on a developer's laptop), since codes and tokens travel over it.
   */
  private URI oidcAddress(Setting<?> setting, String value, String example) {
    try {
      URI uri = new URI(value);
      boolean local =
          "localhost".equals(uri.getHost())
              || "127.0.0.1".equals(uri.getHost())
              || "[::1]".equals(uri.getHost());
      if (("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    in.problem(
        setting,
        value,
        "an https address without query or fragment (" + example + "); http only to localhost");
    return null;
  }
}
