package no.faqbot.staff;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenID Connect provider as discovery found it, ready to use: its metadata, the validator of
 * its ID tokens (its public keys, fetched and cached from {@code jwks_uri}) and how this client
 * authenticates at its token endpoint.
 */
record OidcProvider(
    OIDCProviderMetadata metadata, IDTokenValidator validator, ClientAuthentication auth) {

  /** Discovery failed: the message says what and where, never the client secret. */
  static final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    DiscoveryException(String message) {
      super(message);
    }
  }

  static OidcProvider discover(OidcSettings settings, int timeoutMs, int jwksMaxBytes)
      throws DiscoveryException {
    String where = settings.issuer() + "/.well-known/openid-configuration";
    OIDCProviderMetadata metadata;
    try {
      metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), timeoutMs, timeoutMs);
    } catch (IOException e) {
      throw new DiscoveryException(
          "cannot read "
              + where
              + " ("
              + e
              + "); check FAQBOT_OIDC_ISSUER and that this server can reach the provider");
    } catch (GeneralException e) {
      throw new DiscoveryException(
          where
              + " is not a valid OpenID Connect discovery document ("
              + e.getMessage()
              + "); check FAQBOT_OIDC_ISSUER: it is the issuer exactly as the provider names it");
    }
    if (metadata.getAuthorizationEndpointURI() == null
        || metadata.getTokenEndpointURI() == null
        || metadata.getJWKSetURI() == null) {
      throw new DiscoveryException(
          where + " lacks authorization_endpoint, token_endpoint or jwks_uri");
    }
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  metadata.getJWKSetURI().toURL(),
                  new DefaultResourceRetriever(timeoutMs, timeoutMs, jwksMaxBytes))
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new DiscoveryException(where + " has a jwks_uri that is no URL");
    }
    IDTokenValidator validator =
        new IDTokenValidator(
            metadata.getIssuer(),
            new ClientID(settings.clientId()),
            new JWSVerificationKeySelector<>(algorithms(metadata), keys),
            null);
    return new OidcProvider(metadata, validator, clientAuthentication(settings, metadata));
  }

  /**
   * The provider's ID token algorithms with public keys (RSA, EC, EdDSA); RS256, which every
   * provider must offer, when it names none. Secret-keyed (HS*) tokens are not taken: they would
   * make the client secret a signing key.
   */
  private static Set<JWSAlgorithm> algorithms(OIDCProviderMetadata metadata) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
    if (offered != null) {
      for (JWSAlgorithm a : offered) {
        if (JWSAlgorithm.Family.RSA.contains(a)
            || JWSAlgorithm.Family.EC.contains(a)
            || JWSAlgorithm.Family.ED.contains(a)) {
          algorithms.add(a);
        }
      }
    }
    if (algorithms.isEmpty()) {
      algorithms.add(JWSAlgorithm.RS256);
    }
    return algorithms;
  }

  /**
   * client_secret_basic, or client_secret_post when the provider takes only that; none (a public
   * client, PKCE alone) without a secret.
   */
  private static ClientAuthentication clientAuthentication(
      OidcSettings settings, OIDCProviderMetadata metadata) {
    if (settings.clientSecret() == null) {
      return null;
    }
    ClientID id = new ClientID(settings.clientId());
    Secret secret = new Secret(settings.clientSecret());
    List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
    boolean postOnly =
        methods != null
            && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    return postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
  }
}
