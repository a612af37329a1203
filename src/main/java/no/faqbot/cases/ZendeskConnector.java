package no.faqbot.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.support.Screenshot;
import no.faqbot.support.SupportEmailBuilder;
import no.faqbot.support.SupportField;
import no.faqbot.web.Json;

/**
 * Delivers a case as a Zendesk ticket through its public REST API: each screenshot through the
 * Uploads API ({@code POST /api/v2/uploads.json?filename=}), then the ticket ({@code POST
 * /api/v2/tickets.json}) with the merchant as requester, the case number as {@code external_id},
 * the fields as tags and the uploads' tokens on its first comment. Logs in with an API token
 * ({@code agent@shop.example/token:<token>}).
 */
final class ZendeskConnector implements Connector {
  private static final ObjectMapper JSON = Json.mapper();

  private final URI base;
  private final String auth;
  private final HttpCalls http = new HttpCalls();

  ZendeskConnector(URI base, String agentEmail, String apiToken) {
    this.base = base;
    this.auth = HttpCalls.basic(agentEmail + "/token", apiToken);
  }

  @Override
  public String name() {
    return "zendesk";
  }

  @Override
  public void deliver(KeptCase kept, SupportEmailBuilder.Built email) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (Screenshot s : email.request().screenshots()) {
      tokens.add(upload(s));
    }
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("body", email.preview().body());
    comment.put("uploads", tokens);
    String merchant = kept.request().field(SupportField.MERCHANT_EMAIL);
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("subject", email.preview().subject());
    ticket.put("comment", comment);
    ticket.put("requester", Map.of("email", merchant, "name", merchant));
    ticket.put("external_id", kept.caseRef());
    ticket.put("tags", CaseTags.of(kept));
    http.send(
        HttpCalls.request(HttpCalls.resolve(base, "/api/v2/tickets.json"))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("ticket", ticket))))
            .build());
  }

  /** Uploads one screenshot; returns the token the ticket's comment refers to it by. */
  private String upload(Screenshot s) throws IOException {
    byte[] bytes;
    try (InputStream in = s.content().open()) {
      bytes = in.readAllBytes();
    }
    String answer =
        http.send(
            HttpCalls.request(
                    HttpCalls.resolve(
                        base,
                        "/api/v2/uploads.json?filename="
                            + URLEncoder.encode(s.name(), StandardCharsets.UTF_8)))
                .header("Authorization", auth)
                .header("Content-Type", s.type().contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    JsonNode token = JSON.readTree(answer).path("upload").path("token");
    if (!token.isTextual()) {
      throw new IOException("the Zendesk upload answer had no upload.token");
    }
    return token.asText();
  }
}
