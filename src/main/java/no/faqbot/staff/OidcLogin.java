package no.faqbot.staff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect authorization code flow with PKCE (S256), against the provider found by
 * discovery from {@code FAQBOT_OIDC_ISSUER}: where to send the browser, and what the code it comes
 * back with proves. The ID token is checked with the provider's published keys (signature, issuer,
 * audience, expiry, nonce). Who the person is comes from one claim; what they may do is decided by
 * faqbot's own staff accounts, never by the provider.
 *
 * <p>A provider that cannot be discovered does not stop the server (the chat does not depend on the
 * staff login): the error is logged, the button is shown as unavailable, and discovery is tried
 * again at most every {@link #RETRY} when someone opens the login page.
 */
public final class OidcLogin {
  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

  /** Where the login page's button leads: the start of the flow. */
  public static final String START = "/staff/login/oidc";

  /** How long a login may take at the provider before its cookie is no longer accepted. */
  static final Duration ATTEMPT = Duration.ofMinutes(10);

  /** How often a provider that could not be discovered is asked again. */
  static final Duration RETRY = Duration.ofSeconds(30);

  private static final int TIMEOUT_MS = 5_000;
  private static final int JWKS_MAX_BYTES = 512 * 1024;
  private static final Scope SCOPE = new Scope("openid", "email", "profile");

  private final OidcSettings settings;
  private final byte[] key;
  private final Clock clock;

  private volatile OidcProvider provider;
  private volatile Instant nextTry = Instant.MIN;
  private final AtomicBoolean discovering = new AtomicBoolean();

  /**
   * @param key signs the cookie that carries a login under way (shared by replicas)
   */
  public OidcLogin(OidcSettings settings, byte[] key, Clock clock) {
    if (!settings.on()) {
      throw new IllegalArgumentException("OpenID Connect login needs FAQBOT_OIDC_ISSUER");
    }
    this.settings = settings;
    this.key = key.clone();
    this.clock = clock;
  }

  public OidcSettings settings() {
    return settings;
  }

  /** The provider's name, as the login button shows it. */
  String name() {
    return settings.name();
  }

  /**
   * Reads the provider's discovery document and keys' address now (at start), logging a clear error
   * when that fails; true when the provider is ready.
   */
  public boolean discover() {
    return provider().isPresent();
  }

  /** Whether the button leads anywhere: the provider was discovered (or is now). */
  boolean available() {
    return provider().isPresent();
  }

  private Optional<OidcProvider> provider() {
    OidcProvider known = provider;
    // One discovery at a time, and none while the last failure is fresh: a login page opened
    // while the provider is away neither waits for another request's timeout nor adds one.
    if (known != null
        || clock.instant().isBefore(nextTry)
        || !discovering.compareAndSet(false, true)) {
      return Optional.ofNullable(known);
    }
    try {
      provider = OidcProvider.discover(settings, TIMEOUT_MS, JWKS_MAX_BYTES);
      LOG.info("OpenID Connect login with {} is ready ({})", settings.name(), settings.issuer());
    } catch (OidcProvider.DiscoveryException e) {
      nextTry = clock.instant().plus(RETRY);
      LOG.error(
          "OpenID Connect: {}; the '{}' button is off until it works (tried again at most every"
              + " {} s when the login page is opened); password login is {}",
          e.getMessage(),
          settings.name(),
          RETRY.toSeconds(),
          settings.only() ? "off (FAQBOT_OIDC_ONLY), so nobody can log in" : "unchanged");
    } finally {
      discovering.set(false);
    }
    return Optional.ofNullable(provider);
  }

  /** Where to send the browser, and the signed attempt its cookie keeps. */
  record Start(URI authorization, String cookie) {}

  /** A new login: empty when the provider is not available. */
  Optional<Start> start() {
    Optional<OidcProvider> ready = provider();
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI authorization =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, SCOPE, new ClientID(settings.clientId()), settings.redirectUri())
            .endpointURI(ready.get().metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    OidcAttempt attempt =
        new OidcAttempt(
            state.getValue(), nonce.getValue(), verifier.getValue(), clock.instant().plus(ATTEMPT));
    return Optional.of(new Start(authorization, attempt.sign(key)));
  }

  /** How a return from the provider ended. */
  sealed interface Outcome permits Identified, Refused {}

  /** The provider vouched for {@code claimValue} (the user claim's value). */
  record Identified(String claimValue, String subject) implements Outcome {}

  /**
   * Not logged in: {@code message} for the login page (bokmål, then English), {@code log} for the
   * operator (no secrets, no tokens), {@code status} for the page.
   */
  record Refused(int status, String message, String log) implements Outcome {}

  /**
   * Checks the browser's return: the attempt in its cookie, the state, the provider's answer, the
   * code (exchanged with the verifier) and the ID token.
   *
   * @param cookie the signed attempt, or null
   * @param query the callback's raw query string, or null
   */
  Outcome finish(String cookie, String query) {
    String name = settings.name();
    Optional<OidcAttempt> attempt = OidcAttempt.verify(cookie, key, clock.instant());
    if (attempt.isEmpty()) {
      return new Refused(
          400,
          "Innloggingen ble ikke fullført i tide, eller den startet i en annen nettleser. Prøv igjen."
              + " (The sign-in did not finish in time or started in another browser: try again.)",
          "no valid login attempt cookie (missing, changed or older than "
              + ATTEMPT.toMinutes()
              + " min)");
    }
    AuthenticationResponse response;
    try {
      response =
          AuthenticationResponseParser.parse(
              URI.create(
                  settings.redirectUri() + (query == null || query.isEmpty() ? "" : "?" + query)));
    } catch (ParseException | IllegalArgumentException e) {
      return new Refused(
          400,
          "Svaret fra " + name + " kunne ikke leses. Prøv igjen. (The answer could not be read.)",
          "callback without a readable authorization response");
    }
    if (!attempt.get().state().equals(stateOf(response))) {
      return new Refused(
          400,
          "Innloggingen kunne ikke bekreftes. Prøv igjen. (The sign-in could not be confirmed: try"
              + " again.)",
          "state does not match the login attempt (a forged or mixed-up return)");
    }
    if (response instanceof AuthenticationErrorResponse error) {
      String code = errorCode(error.getErrorObject());
      return new Refused(
          401,
          name + " avviste innloggingen (" + code + "). (" + name + " refused the sign-in.)",
          "the provider answered " + code + describe(error.getErrorObject().getDescription()));
    }
    AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
    OidcProvider ready = provider().orElse(null);
    if (ready == null) {
      return unreachable("the provider is not discovered");
    }
    // RFC 9207: when the provider says who it is, it must be the one we sent the person to.
    if (success.getIssuer() != null && !success.getIssuer().equals(ready.metadata().getIssuer())) {
      return new Refused(
          400,
          "Innloggingen kom fra en annen tjeneste enn " + name + ". (Wrong sign-in service.)",
          "iss " + StaffAuth.printable(success.getIssuer().getValue(), 100) + " is not the issuer");
    }
    AuthorizationCode code = success.getAuthorizationCode();
    if (code == null) {
      return new Refused(
          400,
          "Svaret fra " + name + " manglet koden. Prøv igjen. (The answer had no code.)",
          "callback without a code");
    }
    return exchange(ready, code, attempt.get());
  }

  private Outcome exchange(OidcProvider ready, AuthorizationCode code, OidcAttempt attempt) {
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
    http.setConnectTimeout(TIMEOUT_MS);
    http.setReadTimeout(TIMEOUT_MS);
    TokenResponse answer;
    try {
      HTTPResponse httpResponse = http.send();
      answer = OIDCTokenResponseParser.parse(httpResponse);
    } catch (IOException e) {
      return unreachable("token endpoint " + endpoint + ": " + e.getClass().getSimpleName());
    } catch (ParseException e) {
      return new Refused(
          401,
          "Svaret fra " + name + " kunne ikke leses. Prøv igjen. (The answer could not be read.)",
          "token endpoint " + endpoint + " answered something that is no token response");
    }
    if (!answer.indicatesSuccess()) {
      ErrorObject error = answer.toErrorResponse().getErrorObject();
      String errorCode = errorCode(error);
      return new Refused(
          401,
          name
              + " godtok ikke innloggingen ("
              + errorCode
              + "). Prøv igjen. ("
              + name
              + " did not accept the sign-in: try again.)",
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
      return rejected("ID token rejected: " + StaffAuth.printable(e.getMessage(), 200));
    }
    return identify(claims);
  }

  private Outcome identify(IDTokenClaimsSet claims) {
    String name = settings.name();
    String claim = settings.userClaim();
    Object value = claims.getClaim(claim);
    if (!(value instanceof String text) || text.isBlank()) {
      return new Refused(
          403,
          name
              + " sendte ikke «"
              + claim
              + "» for deg, så faqbot vet ikke hvem du er. Be en administrator se på"
              + " FAQBOT_OIDC_USER_CLAIM. ("
              + name
              + " did not send the "
              + claim
              + " claim.)",
          "the ID token of subject "
              + StaffAuth.printable(claims.getSubject().getValue(), 100)
              + " has no string claim '"
              + claim
              + "'");
    }
    // An address the provider has not checked could be anyone's.
    if ("email".equals(claim) && Boolean.FALSE.equals(claims.getBooleanClaim("email_verified"))) {
      return new Refused(
          403,
          "E-postadressen din er ikke bekreftet hos "
              + name
              + ". (Your e-mail address is not verified at "
              + name
              + ".)",
          "email_verified is false for " + StaffAuth.printable(text, 100));
    }
    return new Identified(text.strip(), claims.getSubject().getValue());
  }

  private Refused rejected(String log) {
    String name = settings.name();
    return new Refused(
        401,
        "Innloggingsbeviset fra "
            + name
            + " kunne ikke godtas. Prøv igjen. (The sign-in token from "
            + name
            + " was not accepted.)",
        log);
  }

  private Refused unreachable(String log) {
    String name = settings.name();
    return new Refused(
        503,
        name
            + " svarer ikke. Prøv igjen om litt"
            + (settings.only() ? "." : ", eller logg inn med passord.")
            + " ("
            + name
            + " does not answer: try again shortly.)",
        log);
  }

  private static String stateOf(AuthenticationResponse response) {
    State state = response.getState();
    return state == null ? "" : state.getValue();
  }

  /** The OAuth error code, reduced to what such a code is made of (it comes from the browser). */
  private static String errorCode(ErrorObject error) {
    String code = error == null || error.getCode() == null ? "error" : error.getCode();
    String safe = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    return safe.isEmpty() ? "error" : safe.substring(0, Math.min(safe.length(), 40));
  }

  /** The provider's own description, for the log only: anyone can put text into a callback URL. */
  private static String describe(String description) {
    return description == null ? "" : ": " + StaffAuth.printable(description, 200);
  }
}
