package no.faqbot.staff;

import java.util.List;
import java.util.Locale;

/**
 * What the login page tells someone it did not let in. The words, bokmål then English, are the
 * login template's messages ({@code templates/staff-login.properties}), each under its {@link
 * #key}.
 */
enum LoginMessage {
  FORM_EXPIRED,
  WRONG_PASSWORD,
  PASSWORD_OFF,
  LOCKED_SECONDS,
  LOCKED_MINUTES,
  OIDC_UNAVAILABLE,
  OIDC_NO_ACCOUNT,
  OIDC_EXPIRED,
  OIDC_UNREADABLE,
  OIDC_UNCONFIRMED,
  OIDC_REFUSED,
  OIDC_WRONG_ISSUER,
  OIDC_NO_CODE,
  OIDC_NOT_ACCEPTED,
  OIDC_TOKEN_REJECTED,
  OIDC_NO_CLAIM,
  OIDC_UNVERIFIED_EMAIL,
  OIDC_NO_ANSWER,
  OIDC_NO_ANSWER_PASSWORD;

  /** The message's key: {@code login.oidc-no-answer} for {@link #OIDC_NO_ANSWER}. */
  String key() {
    return "login." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** This message with what goes into its {@code {0}}, {@code {1}}. */
  LoginError with(String... args) {
    return new LoginError(key(), List.of(args));
  }
}
