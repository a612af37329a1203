package no.faqbot.config;

import no.faqbot.staff.OidcSettings;

/** The staff pages' settings: the bootstrap login and the OpenID Connect provider. */
public final class StaffCatalogue {
  private StaffCatalogue() {}

  /** Blank counts as unset, and the name is used stripped. */
  public static final Setting<String> STAFF_USER =
      Setting.env(
          "FAQBOT_STAFF_USER",
          "staff",
          "user name of the staff pages' bootstrap login, an admin beside the named accounts of"
              + " faqbot staff",
          Parsers.text());

  public static final Setting<String> STAFF_PASSWORD =
      Setting.env(
          "FAQBOT_STAFF_PASSWORD",
          null,
          "its password; unset makes a random one at start and prints it once on the console",
          Parsers.verbatim());
  public static final Setting<String> OIDC_ISSUER =
      Setting.env(
          "FAQBOT_OIDC_ISSUER",
          null,
          "an OpenID Connect provider's issuer URL (https://login.example.com/realms/shop) to offer"
              + " staff a login there; unset offers none (see docs/staff.md)",
          Parsers.text());
  public static final Setting<String> OIDC_CLIENT_ID =
      Setting.env(
          "FAQBOT_OIDC_CLIENT_ID",
          null,
          "faqbot's client id at that provider; needed with FAQBOT_OIDC_ISSUER",
          Parsers.text());
  public static final Setting<String> OIDC_CLIENT_SECRET =
      Setting.env(
          "FAQBOT_OIDC_CLIENT_SECRET",
          null,
          "its client secret (from the environment; never logged); unset for a public client",
          Parsers.verbatim());
  public static final Setting<String> OIDC_REDIRECT_URI =
      Setting.env(
          "FAQBOT_OIDC_REDIRECT_URI",
          null,
          "this server's public address of the login's return, ending in"
              + " /staff/login/oidc/callback (https://faqbot.shop.no/staff/login/oidc/callback),"
              + " registered at the provider; needed with FAQBOT_OIDC_ISSUER",
          Parsers.text());
  public static final Setting<String> OIDC_NAME =
      Setting.env(
          "FAQBOT_OIDC_NAME",
          null,
          "the provider's name on the login button (Keycloak, Entra ID, Google); unset shows the"
              + " issuer's host",
          Parsers.text());
  public static final Setting<String> OIDC_USER_CLAIM =
      Setting.env(
          "FAQBOT_OIDC_USER_CLAIM",
          OidcSettings.DEFAULT_USER_CLAIM,
          "the ID token claim that must equal the name of a staff account (faqbot staff add);"
              + " without such an account the login is refused",
          Parsers.claimName());
  public static final Setting<Boolean> OIDC_ONLY =
      Setting.env(
          "FAQBOT_OIDC_ONLY",
          "off",
          "on or off: on turns password logins (the form and HTTP Basic) off, so staff log in"
              + " only through the OpenID Connect provider",
          Parsers.onOff());
}
