package no.faqbot.staff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider on a random port, as small as the flow allows: discovery, its keys (an
 * RSA key made here), an authorization endpoint that signs the person in at once and sends the
 * browser back with a code, and a token endpoint that checks the client, the code, the redirect URI
 * and the PKCE verifier before it answers with a signed ID token. {@link #next} bends the next
 * answer to test what faqbot refuses.
 */
public final class FakeOidcProvider implements AutoCloseable {
  public static final String CLIENT_ID = "faqbot-staff";
  public static final String CLIENT_SECRET = "klient-hemmelighet-7Qx";

  /** How the next token (or authorization) goes wrong, if at all. */
  enum Next {
    FINE,
    WRONG_NONCE,
    WRONG_AUDIENCE,
    EXPIRED,
    BAD_SIGNATURE,
    WRONG_ISSUER,
    ACCESS_DENIED,
    TOKEN_ENDPOINT_HANGS_UP,
    UNVERIFIED_EMAIL
  }

  private final HttpServer http;

  /** The name the provider is reached by: another site than the server's own in a browser test. */
  private final String host;

  private final RSAKey key;
  private final RSAKey otherKey;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();

  /** The person who signs in next ({@code email} claim). */
  volatile String email = "eva@butikk.no";

  volatile Next next = Next.FINE;

  /**
   * Whether the authorization endpoint shows a sign-in page whose button the person presses (as a
   * real provider does: the way back then starts on the provider's site), rather than sending the
   * browser straight back.
   */
  public volatile boolean interactive;

  /** How many tokens the token endpoint gave out. */
  volatile int tokensIssued;

  private record Grant(String nonce, String challenge, String redirectUri, String email) {}

  FakeOidcProvider() throws IOException, JOSEException {
    this("127.0.0.1");
  }

  /** Reached as {@code host} ({@code localhost} or {@code 127.0.0.1}). */
  public FakeOidcProvider(String host) throws IOException, JOSEException {
    this.host = host;
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    // Same key id, another key: a token it signs looks right and is not.
    otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/.well-known/openid-configuration", this::discovery);
    http.createContext("/jwks", this::jwks);
    http.createContext("/authorize", this::authorize);
    http.createContext("/approve", this::approve);
    http.createContext("/token", this::token);
    http.start();
  }

  public String issuer() {
    return "http://" + host + ":" + http.getAddress().getPort();
  }

  /** faqbot's settings for this provider, returning to the server at {@code base}. */
  public OidcSettings settingsFor(String base) {
    return new OidcSettings(
        URI.create(issuer()),
        CLIENT_ID,
        CLIENT_SECRET,
        URI.create(base + OidcSettings.CALLBACK),
        "Testleverandør",
        "email",
        false);
  }

  private void discovery(HttpExchange ex) throws IOException {
    String iss = issuer();
    send(
        ex,
        200,
        "application/json",
        "{\"issuer\":\""
            + iss
            + "\",\"authorization_endpoint\":\""
            + iss
            + "/authorize\",\"token_endpoint\":\""
            + iss
            + "/token\",\"jwks_uri\":\""
            + iss
            + "/jwks\",\"response_types_supported\":[\"code\"],"
            + "\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
            + "\"code_challenge_methods_supported\":[\"S256\"],"
            + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}");
  }

  private void jwks(HttpExchange ex) throws IOException {
    send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
  }

  private void authorize(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawQuery();
    if (interactive) {
      send(
          ex,
          200,
          "text/html; charset=utf-8",
          "<!DOCTYPE html><title>Sign in</title><form method=post action=/approve>"
              + "<input type=hidden name=q value=\""
              + (raw == null ? "" : raw.replace("\"", "%22"))
              + "\"><button id=approve>Sign in</button></form>");
      return;
    }
    authorize(ex, raw);
  }

  /** The sign-in page's button: the person agreed, back to the client with a code. */
  private void approve(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    authorize(ex, form(body).get("q"));
  }

  private void authorize(HttpExchange ex, String raw) throws IOException {
    Map<String, String> q = form(raw);
    String redirect = q.get("redirect_uri");
    if (!CLIENT_ID.equals(q.get("client_id"))
        || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null
        || q.get("state") == null
        || q.get("nonce") == null
        || redirect == null
        || !q.getOrDefault("scope", "").contains("openid")) {
      send(ex, 400, "text/plain", "bad authorization request: " + q);
      return;
    }
    String back;
    if (next == Next.ACCESS_DENIED) {
      back =
          redirect
              + "?error=access_denied&error_description="
              + URLEncoder.encode("Ring 800 12345 for hjelp", StandardCharsets.UTF_8)
              + "&state="
              + enc(q.get("state"));
    } else {
      String code = UUID.randomUUID().toString();
      codes.put(code, new Grant(q.get("nonce"), q.get("code_challenge"), redirect, email));
      back = redirect + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
    }
    ex.getResponseHeaders().add("Location", back);
    send(ex, 302, "text/plain", "");
  }

  private void token(HttpExchange ex) throws IOException {
    if (next == Next.TOKEN_ENDPOINT_HANGS_UP) {
      ex.close(); // no answer at all, as a provider that falls over mid-request
      return;
    }
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    Map<String, String> f =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = f.get("code") == null ? null : codes.remove(f.get("code"));
    if (!"authorization_code".equals(f.get("grant_type"))
        || grant == null
        || !grant.redirectUri().equals(f.get("redirect_uri"))
        || f.get("code_verifier") == null
        || !grant.challenge().equals(s256(f.get("code_verifier")))) {
      send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    try {
      String idToken = idToken(grant);
      tokensIssued++;
      send(
          ex,
          200,
          "application/json",
          "{\"access_token\":\"at-"
              + UUID.randomUUID()
              + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
              + idToken
              + "\"}");
    } catch (JOSEException e) {
      send(ex, 500, "text/plain", e.toString());
    }
  }

  private String idToken(Grant grant) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(next == Next.WRONG_ISSUER ? "https://evil.example" : issuer())
            .subject("sub-" + grant.email().hashCode())
            .audience(next == Next.WRONG_AUDIENCE ? "another-client" : CLIENT_ID)
            .issueTime(Date.from(now.minusSeconds(next == Next.EXPIRED ? 3600 : 0)))
            .expirationTime(
                Date.from(next == Next.EXPIRED ? now.minusSeconds(600) : now.plusSeconds(300)))
            .claim("nonce", next == Next.WRONG_NONCE ? "not-the-nonce-sent" : grant.nonce())
            .claim("email", grant.email())
            .claim("email_verified", next != Next.UNVERIFIED_EMAIL)
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
    jwt.sign(new RSASSASigner(next == Next.BAD_SIGNATURE ? otherKey : key));
    return jwt.serialize();
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** For a test that wants the URI parsed: the query of {@code uri} by name. */
  static Map<String, String> query(URI uri) {
    return new HashMap<>(form(uri.getRawQuery()));
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
