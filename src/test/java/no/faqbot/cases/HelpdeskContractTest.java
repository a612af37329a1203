package no.faqbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.faqbot.App;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Zendesk and Freshdesk connectors against local servers that accept only requests made the way
 * each vendor's REST API documents them (a 400 otherwise, which fails the delivery).
 */
class HelpdeskContractTest {
  @TempDir Path tmp;

  private TestServer server(HelpdeskSettings helpdesk) {
    return new TestServer(
        App.start(
            CaseForm.settings(TestSettings.in(tmp)).build(),
            new CaseDelivery(helpdesk, Backoff.DEFAULT, Duration.ofSeconds(60))));
  }

  private static FakeHelpdesk.Answer refuse(String why) {
    return new FakeHelpdesk.Answer(400, "{\"description\":\"" + why + "\"}");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Zendesk: Uploads API for each file, then Tickets API with the upload tokens. */
  private static FakeHelpdesk.Answer zendesk(FakeHelpdesk.Request r) {
    if (!basic("agent@shop.example/token", "zd-token").equals(r.header("Authorization"))) {
      return new FakeHelpdesk.Answer(401, "{\"error\":\"Couldn't authenticate you\"}");
    }
    if (r.path().equals("/api/v2/uploads.json")) {
      if (r.query() == null || !r.query().startsWith("filename=")) {
        return refuse("filename is required");
      }
      if (!"image/png".equals(r.header("Content-Type")) || r.body().length == 0) {
        return refuse("the file goes as the body with its own content type");
      }
      return new FakeHelpdesk.Answer(201, "{\"upload\":{\"token\":\"upload-token-1\"}}");
    }
    if (r.path().equals("/api/v2/tickets.json")
        && r.header("Content-Type").startsWith("application/json")) {
      try {
        JsonNode t = CaseForm.JSON.readTree(r.body()).path("ticket");
        if (t.path("comment").path("body").asText().isEmpty()
            || t.path("subject").isMissingNode()) {
          return refuse("ticket.comment.body and ticket.subject are required");
        }
        return new FakeHelpdesk.Answer(201, "{\"ticket\":{\"id\":35436}}");
      } catch (Exception e) {
        return refuse("invalid JSON");
      }
    }
    return new FakeHelpdesk.Answer(404, "{\"error\":\"InvalidEndpoint\"}");
  }

  @Test
  void zendesk_gets_the_screenshots_as_uploads_and_the_case_as_a_ticket() throws Exception {
    try (FakeHelpdesk zendesk = new FakeHelpdesk(HelpdeskContractTest::zendesk);
        TestServer server =
            server(
                new HelpdeskSettings(
                    "zendesk", zendesk.url(), "agent@shop.example", "zd-token", 1 << 20))) {
      HttpResponse<byte[]> send =
          new CaseForm("conversation-zendesk").post(server.base(), "/api/support-email/send");
      assertEquals(200, send.statusCode(), new String(send.body(), StandardCharsets.UTF_8));
      JsonNode answer = CaseForm.json(send);
      assertTrue(answer.path("sent").asBoolean());
      assertEquals("zendesk", answer.path("channel").asText());
      String ref = answer.path("caseRef").asText();

      assertEquals(2, zendesk.requests.size());
      HttpResponse<byte[]> again =
          new CaseForm("conversation-zendesk")
              .with("caseRef", ref)
              .post(server.base(), "/api/support-email/send");
      assertEquals(200, again.statusCode());
      assertEquals(2, zendesk.requests.size(), "sent twice, one ticket");
      FakeHelpdesk.Request upload = zendesk.requests.get(0);
      assertEquals("POST", upload.method());
      assertEquals("filename=feil.png", upload.query());
      assertEquals(CaseForm.PNG.length, upload.body().length);
      JsonNode ticket = CaseForm.JSON.readTree(zendesk.requests.get(1).body()).path("ticket");
      assertEquals("upload-token-1", ticket.path("comment").path("uploads").get(0).asText());
      assertEquals(ref, ticket.path("external_id").asText());
      assertTrue(ticket.path("subject").asText().contains(ref));
      assertEquals("butikk@example.no", ticket.path("requester").path("email").asText());
      List<String> tags = new ArrayList<>();
      ticket.path("tags").forEach(t -> tags.add(t.asText()));
      assertTrue(
          tags.containsAll(List.of("faqbot", "store_k123456", "error_bad_value")), tags.toString());
      assertFalse(zendesk.requests.get(1).text().contains("Sommer2026!"));
    }
  }

  /** Freshdesk: one multipart/form-data POST with the required fields and attachments[]. */
  private static FakeHelpdesk.Answer freshdesk(FakeHelpdesk.Request r) {
    if (!basic("fd-key", "X").equals(r.header("Authorization"))) {
      return new FakeHelpdesk.Answer(401, "{\"code\":\"invalid_credentials\"}");
    }
    String type = r.header("Content-Type");
    if (!r.path().equals("/api/v2/tickets")
        || type == null
        || !type.startsWith("multipart/form-data; boundary=")) {
      return refuse("POST /api/v2/tickets as multipart/form-data for attachments");
    }
    Map<String, List<String>> parts = parts(r.text(), type.substring(type.indexOf('=') + 1));
    for (String required : List.of("email", "subject", "description", "status", "priority")) {
      if (!parts.containsKey(required)) {
        return refuse(required + " is required");
      }
    }
    if (!parts.get("status").equals(List.of("2")) || !parts.get("priority").equals(List.of("1"))) {
      return refuse("status and priority are numbers");
    }
    return new FakeHelpdesk.Answer(201, "{\"id\":1}");
  }

  /** The values of a multipart body by part name; a file part's value is its file name. */
  static Map<String, List<String>> parts(String body, String boundary) {
    Map<String, List<String>> parts = new java.util.LinkedHashMap<>();
    for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int head = part.indexOf("\r\n\r\n");
      var name =
          java.util.regex.Pattern.compile("name=\"([^\"]+)\"(; filename=\"([^\"]+)\")?")
              .matcher(part);
      if (head < 0 || !name.find()) {
        continue;
      }
      String value =
          name.group(3) != null ? name.group(3) : part.substring(head + 4, part.length() - 2);
      parts.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(value);
    }
    return parts;
  }

  @Test
  void freshdesk_gets_a_ticket_with_the_fields_as_tags_and_the_screenshots_attached()
      throws Exception {
    try (FakeHelpdesk freshdesk = new FakeHelpdesk(HelpdeskContractTest::freshdesk);
        TestServer server =
            server(new HelpdeskSettings("freshdesk", freshdesk.url(), null, "fd-key", 1 << 20))) {
      HttpResponse<byte[]> send =
          new CaseForm("conversation-freshdesk").post(server.base(), "/api/support-email/send");
      assertEquals(200, send.statusCode(), new String(send.body(), StandardCharsets.UTF_8));
      String ref = CaseForm.json(send).path("caseRef").asText();
      assertEquals(1, freshdesk.requests.size());
      FakeHelpdesk.Request r = freshdesk.requests.get(0);
      String type = r.header("Content-Type");
      Map<String, List<String>> parts = parts(r.text(), type.substring(type.indexOf('=') + 1));
      assertEquals(List.of("butikk@example.no"), parts.get("email"));
      assertTrue(parts.get("subject").get(0).contains(ref));
      assertTrue(parts.get("tags[]").containsAll(List.of("faqbot", "store_k123456")));
      assertEquals(List.of("feil.png"), parts.get("attachments[]"));
      assertFalse(r.text().contains("Sommer2026!"));
    }
  }

  @Test
  void a_helpdesk_that_refuses_the_login_leaves_the_case_queued_and_logs_no_secret()
      throws Exception {
    try (FakeHelpdesk freshdesk = new FakeHelpdesk(HelpdeskContractTest::freshdesk);
        TestServer server =
            server(
                new HelpdeskSettings("freshdesk", freshdesk.url(), null, "wrong-key", 1 << 20))) {
      HttpResponse<byte[]> send =
          new CaseForm("conversation-refused").post(server.base(), "/api/support-email/send");
      assertEquals(202, send.statusCode());
      String ref = CaseForm.json(send).path("caseRef").asText();
      JsonNode c = CaseForm.json(CaseForm.staff("GET", server.base() + "/staff/api/cases/" + ref));
      assertEquals("queued", c.path("status").asText());
      String log = c.path("log").toString() + c.path("delivery").toString();
      assertTrue(log.contains("401"), log);
      assertFalse(log.contains("wrong-key"), log);
    }
  }
}
