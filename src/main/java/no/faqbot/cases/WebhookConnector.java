package no.faqbot.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.faqbot.support.Screenshot;
import no.faqbot.support.SupportEmailBuilder;
import no.faqbot.web.Json;

/**
 * Delivers a case as one signed JSON POST: its number, fields, steps tried, text and screenshots
 * (base64), with {@code X-Faqbot-Signature: sha256=<hex HMAC-SHA256 of the body>} under the shared
 * secret, and {@code X-Faqbot-Case} for receivers that want to drop repeats.
 */
final class WebhookConnector implements Connector {
  static final String SIGNATURE = "X-Faqbot-Signature";
  private static final ObjectMapper JSON = Json.mapper();

  private final URI url;
  private final byte[] secret;
  private final HttpCalls http = new HttpCalls();

  WebhookConnector(URI url, String secret) {
    this.url = url;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void deliver(KeptCase kept, SupportEmailBuilder.Built email) throws Exception {
    byte[] body = JSON.writeValueAsBytes(payload(kept, email));
    http.send(
        HttpCalls.request(url)
            .header("Content-Type", "application/json")
            .header("X-Faqbot-Case", kept.caseRef())
            .header(SIGNATURE, "sha256=" + sign(secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static Map<String, Object> payload(KeptCase kept, SupportEmailBuilder.Built email)
      throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("caseRef", kept.caseRef());
    p.put("createdAt", Instant.ofEpochMilli(kept.createdAt()).toString());
    p.put("lang", kept.lang());
    p.put("conversation", kept.conversation());
    p.put("problem", kept.request().problem());
    p.put("fields", kept.request().fields());
    p.put("tags", CaseTags.of(kept));
    p.put("tried", kept.request().tried());
    p.put("redactions", kept.request().redactions());
    p.put("to", email.preview().to());
    p.put("subject", email.preview().subject());
    p.put("text", email.preview().body());
    List<Map<String, Object>> shots = new ArrayList<>();
    for (Screenshot s : email.request().screenshots()) {
      try (InputStream in = s.content().open()) {
        shots.add(
            Map.of(
                "name", s.name(),
                "contentType", s.type().contentType(),
                "size", s.size(),
                "base64", Base64.getEncoder().encodeToString(in.readAllBytes())));
      }
    }
    p.put("screenshots", shots);
    return p;
  }

  /** The lower-case hex HMAC-SHA256 of {@code body} under {@code secret}. */
  static String sign(byte[] secret, byte[] body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
