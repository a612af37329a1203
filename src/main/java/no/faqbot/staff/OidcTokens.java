package no.faqbot.staff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import no.faqbot.staff.OidcOutcome.Identified;
import no.faqbot.staff.OidcOutcome.Refused;

/**
 * The back channel of an OpenID Connect login: the code exchanged (with the PKCE verifier) for
 * tokens at the provider's token endpoint, the ID token checked with the provider's keys, and the
 * person named by one of its claims.
 */
record OidcTokens(OidcSettings settings, int timeoutMs) {
  OidcOutcome exchange(OidcProvider ready, AuthorizationCode code, OidcAttempt attempt) {
    String name = settings.name();
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(
            code, settings.redirectUri(), new CodeVerifier(attempt.verifier()));
    URI endpoint = ready.metadata().getTokenEndpointURI();
    TokenRequest request =
        ready.auth() == null
            ? new TokenRequest(endpoint, new ClientID(settings.clientId()), grant)
            : new TokenRequest(endpoint, ready.auth(), grant);
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(timeoutMs);
    http.setReadTimeout(timeoutMs);
    TokenResponse answer;
    try {
      answer = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException e) {
      return unreachable("token endpoint " + endpoint + ": " + e.getClass().getSimpleName());
    } catch (ParseException e) {
      return new Refused(
          401,
          LoginMessage.OIDC_UNREADABLE.with(name),
          "token endpoint " + endpoint + " answered something that is no token response");
    }
    if (!answer.indicatesSuccess()) {
      ErrorObject error = answer.toErrorResponse().getErrorObject();
      String errorCode = errorCode(error);
      return new Refused(
          401,
          LoginMessage.OIDC_NOT_ACCEPTED.with(name, errorCode),
          "token endpoint answered " + errorCode + describe(error.getDescription()));
    }
    JWT idToken =
        answer instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens().getIDToken() : null;
    if (idToken == null) {
      return rejected("the token response has no id_token");
    }
    IDTokenClaimsSet claims;
    try {
      claims = ready.validator().validate(idToken, new Nonce(attempt.nonce()));
    } catch (BadJOSEException | JOSEException e) {
      // The library's messages name the check that failed ("Expired JWT", "Unexpected JWT
      // audience", "Invalid signature"), never the token.
      return rejected("ID token rejected: " + LogText.printable(e.getMessage(), 200));
    }
    return identify(claims);
  }

  private OidcOutcome identify(IDTokenClaimsSet claims) {
    String name = settings.name();
    String claim = settings.userClaim();
    Object value = claims.getClaim(claim);
    if (!(value instanceof String text) || text.isBlank()) {
      return new Refused(
          403,
          LoginMessage.OIDC_NO_CLAIM.with(name, claim),
          "the ID token of subject "
              + LogText.printable(claims.getSubject().getValue(), 100)
              + " has no string claim '"
              + claim
              + "'");
    }
    // An address the provider has not checked could be anyone's.
    if ("email".equals(claim) && Boolean.FALSE.equals(claims.getBooleanClaim("email_verified"))) {
      return new Refused(
          403,
          LoginMessage.OIDC_UNVERIFIED_EMAIL.with(name),
          "email_verified is false for " + LogText.printable(text, 100));
    }
    return new Identified(text.strip(), claims.getSubject().getValue());
  }

  private Refused rejected(String log) {
    return new Refused(401, LoginMessage.OIDC_TOKEN_REJECTED.with(settings.name()), log);
  }

  /** The provider could not be reached: try again, or (when allowed) use a password. */
  Refused unreachable(String log) {
    LoginMessage message =
        settings.only() ? LoginMessage.OIDC_NO_ANSWER : LoginMessage.OIDC_NO_ANSWER_PASSWORD;
    return new Refused(503, message.with(settings.name()), log);
  }

  /** The OAuth error code, reduced to what such a code is made of (it comes from the browser). */
  static String errorCode(ErrorObject error) {
    String code = error == null || error.getCode() == null ? "error" : error.getCode();
    String safe = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    return safe.isEmpty() ? "error" : safe.substring(0, Math.min(safe.length(), 40));
  }

  /** The provider's own description, for the log only: anyone can put text into a callback URL. */
  static String describe(String description) {
    return description == null ? "" : ": " + LogText.printable(description, 200);
  }
}
