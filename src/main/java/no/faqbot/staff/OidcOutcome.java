package no.faqbot.staff;

/** How a return from the OpenID Connect provider ended ({@link OidcLogin#finish}). */
sealed interface OidcOutcome {
  /** The provider vouched for {@code claimValue} (the user claim's value). */
  record Identified(String claimValue, String subject) implements OidcOutcome {}

  /**
   * Not logged in: {@code error} for the login page, {@code log} for the operator (no secrets, no
   * tokens), {@code status} for the page.
   */
  record Refused(int status, LoginError error, String log) implements OidcOutcome {}
}
