package no.faqbot.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import no.faqbot.FaqbotServer;
import no.faqbot.config.SupportCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cases on a server without SMTP: one number for preview, mailto and .eml, and the staff inbox. */
class CaseApiTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(CaseForm::settings);

  private static String newCase(String conversation) throws Exception {
    HttpResponse<byte[]> preview =
        new CaseForm(conversation).post(server.base(), "/api/support-email?format=json");
    assertEquals(200, preview.statusCode(), new String(preview.body(), StandardCharsets.UTF_8));
    JsonNode p = CaseForm.json(preview);
    String ref = p.path("caseRef").asText();
    assertTrue(ref.matches("FQ-[A-Z0-9]{6}"), ref);
    assertTrue(
        URLDecoder.decode(p.path("mailto").asText(), StandardCharsets.UTF_8).contains(ref),
        "the mailto link carries the case number");
    return ref;
  }

  private static JsonNode staffCases(String query) throws Exception {
    HttpResponse<byte[]> list = CaseForm.staff("GET", server.base() + "/staff/api/cases" + query);
    assertEquals(200, list.statusCode(), new String(list.body(), StandardCharsets.UTF_8));
    return CaseForm.json(list).path("cases");
  }

  /** The support form of {@code conversation} naming case {@code ref}, posted to {@code path}. */
  private static HttpResponse<byte[]> postCase(String conversation, String ref, String path)
      throws Exception {
    return new CaseForm(conversation).with("caseRef", ref).post(server.base(), path);
  }

  private static JsonNode find(JsonNode cases, String ref) {
    for (JsonNode c : cases) {
      if (ref.equals(c.path("caseRef").asText())) {
        return c;
      }
    }
    return null;
  }

  @Test
  void the_preview_the_mailto_and_the_eml_carry_one_case_number() throws Exception {
    String ref = newCase("conversation-one");
    HttpResponse<byte[]> eml = postCase("conversation-one", ref, "/api/support-email");
    assertEquals(200, eml.statusCode());
    MimeMessage m =
        new MimeMessage(
            Session.getInstance(new Properties()), new ByteArrayInputStream(eml.body()));
    assertEquals(ref, m.getHeader("X-Faqbot-Case", null));
    // The request that made the e-mail, so support can find its log lines.
    String requestId = eml.headers().firstValue("X-Request-Id").orElseThrow();
    assertEquals(requestId, m.getHeader("X-Request-Id", null));
    assertEquals("1", m.getHeader("X-Unsent", null), "a draft to send, not a received mail");
    assertNull(m.getHeader("From"), "the merchant's mail program fills in the sender");
    assertEquals(SupportCatalogue.SUPPORT_EMAIL.fallback(), m.getAllRecipients()[0].toString());
    assertEquals("butikk@example.no", m.getReplyTo()[0].toString());
    assertTrue(m.getSubject().contains(ref), m.getSubject());
    assertTrue(eml.headers().firstValue("Content-Disposition").orElse("").contains(ref));
  }

  @Test
  void a_case_number_of_another_conversation_is_not_found() throws Exception {
    String ref = newCase("conversation-two");
    HttpResponse<byte[]> other = postCase("conversation-else", ref, "/api/support-email");
    assertEquals(404, other.statusCode());
    HttpResponse<byte[]> made =
        postCase("conversation-two", "FQ-NOSUCH", "/api/support-email?format=json");
    assertEquals(404, made.statusCode());
  }

  @Test
  void staff_see_the_case_with_its_screenshot_and_only_redacted_fields() throws Exception {
    String ref = newCase("conversation-three");
    assertEquals(
        401,
        CaseForm.CLIENT
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.base() + "/staff/api/cases"))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode());
    JsonNode c = find(staffCases("?status=new"), ref);
    assertEquals("new", c.path("status").asText());
    assertEquals("K123456", c.path("fields").path("storeId").asText());
    String description = c.path("fields").path("description").asText();
    assertFalse(description.contains("Sommer2026!"), description);
    assertEquals(1, c.path("screenshots").size());
    HttpResponse<byte[]> shot =
        CaseForm.staff("GET", server.base() + c.path("screenshots").get(0).path("url").asText());
    assertEquals(200, shot.statusCode());
    assertArrayEquals(CaseForm.PNG, shot.body());
    assertNull(find(staffCases("?status=delivered"), ref));
    assertEquals(
        400, CaseForm.staff("GET", server.base() + "/staff/api/cases?status=odd").statusCode());
    HttpResponse<byte[]> page = CaseForm.staff("GET", server.base() + "/staff/cases?case=" + ref);
    assertEquals(200, page.statusCode());
    assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains(ref));
  }

  @Test
  void staff_resolve_and_delete_a_case_and_it_is_audited() throws Exception {
    String ref = newCase("conversation-four");
    Path folder = server.dir().resolve("data").resolve("cases").resolve(ref);
    assertTrue(Files.isDirectory(folder), "the screenshot is kept under the data folder");
    HttpResponse<byte[]> resolved =
        CaseForm.staff("POST", server.base() + "/staff/api/cases/" + ref + "/resolve");
    assertEquals(200, resolved.statusCode());
    assertEquals("resolved", find(staffCases("?status=resolved"), ref).path("status").asText());
    assertEquals(
        200, CaseForm.staff("DELETE", server.base() + "/staff/api/cases/" + ref).statusCode());
    assertNull(find(staffCases(""), ref));
    assertFalse(Files.exists(folder), "its screenshots went with it");
    var audit =
        new no.faqbot.insights.AuditLog(
            server.app().insights().store(), java.time.Clock.systemUTC());
    assertTrue(
        audit.latest(10).stream()
            .anyMatch(e -> e.action().equals("case-delete") && e.detail().equals(ref)));
  }

  @Test
  void deleting_the_conversation_deletes_its_cases() throws Exception {
    String ref = newCase("conversation-five");
    HttpResponse<byte[]> deleted =
        CaseForm.staff("DELETE", server.base() + "/staff/api/conversations/conversation-five");
    assertEquals(200, deleted.statusCode());
    assertEquals(1, CaseForm.json(deleted).path("casesDeleted").asInt());
    assertNull(find(staffCases(""), ref));
    assertFalse(Files.exists(server.dir().resolve("data").resolve("cases").resolve(ref)));
  }

  @Test
  void without_smtp_or_helpdesk_send_says_so() throws Exception {
    HttpResponse<byte[]> send =
        new CaseForm("conversation-six").post(server.base(), "/api/support-email/send");
    assertEquals(409, send.statusCode());
  }
}
