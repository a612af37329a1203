package no.faqbot.staff;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import no.faqbot.staff.OidcOutcome.Refused;
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
  private final OidcTokens tokens;

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
    this.tokens = new OidcTokens(settings, TIMEOUT_MS);
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

  /**
   * Checks the browser's return: the attempt in its cookie, the state and the provider's answer;
   * then {@link OidcTokens} exchanges the code (with the verifier) and checks the ID token.
   *
   * @param cookie the signed attempt, or null
   * @param query the callback's raw query string, or null
   */
  OidcOutcome finish(String cookie, String query) {
    String name = settings.name();
    Optional<OidcAttempt> attempt = OidcAttempt.verify(cookie, key, clock.instant());
    if (attempt.isEmpty()) {
      return new Refused(
          400,
          LoginMessage.OIDC_EXPIRED.with(),
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
          LoginMessage.OIDC_UNREADABLE.with(name),
          "callback without a readable authorization response");
    }
    if (!attempt.get().state().equals(stateOf(response))) {
      return new Refused(
          400,
          LoginMessage.OIDC_UNCONFIRMED.with(),
          "state does not match the login attempt (a forged or mixed-up return)");
    }
    if (response instanceof AuthenticationErrorResponse error) {
      String code = OidcTokens.errorCode(error.getErrorObject());
      return new Refused(
          401,
          LoginMessage.OIDC_REFUSED.with(name, code),
          "the provider answered "
              + code
              + OidcTokens.describe(error.getErrorObject().getDescription()));
    }
    AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
    OidcProvider ready = provider().orElse(null);
    if (ready == null) {
      return tokens.unreachable("the provider is not discovered");
    }
    // RFC 9207: when the provider says who it is, it must be the one we sent the person to.
    if (success.getIssuer() != null && !success.getIssuer().equals(ready.metadata().getIssuer())) {
      return new Refused(
          400,
          LoginMessage.OIDC_WRONG_ISSUER.with(name),
          "iss " + LogText.printable(success.getIssuer().getValue(), 100) + " is not the issuer");
    }
    AuthorizationCode code = success.getAuthorizationCode();
    if (code == null) {
      return new Refused(400, LoginMessage.OIDC_NO_CODE.with(name), "callback without a code");
    }
    return tokens.exchange(ready, code, attempt.get());
  }

  private static String stateOf(AuthenticationResponse response) {
    State state = response.getState();
    return state == null ? "" : state.getValue();
  }
}
