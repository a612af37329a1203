package no.faqbot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/support-email} on a real server, the result parsed back with Jakarta Mail. */
class SupportEmailApiTest {
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'
  };

  @RegisterExtension
  @Order(1)
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  // These tests prepare more e-mails from one client than a merchant would: limits are tested
  // elsewhere. (Ordered after GreenMail, so its port is known when the server starts.)
  @RegisterExtension
  @Order(2)
  static final FaqbotServer server =
      new FaqbotServer(
          s ->
              s.stateSecret("test secret long enough!")
                  .supportLimits(new SupportLimits(5, 64 * 1024))
                  .smtp(
                      new SmtpSettings(
                          "127.0.0.1",
                          smtp.getSmtp().getPort(),
                          null,
                          null,
                          false,
                          "faqbot@shop.example"))
                  .limit("FAQBOT_LIMIT_SUPPORT_EMAIL", "off")
                  .limit("FAQBOT_LIMIT_SUPPORT_SEND", "off"));

  /** A multipart/form-data body built by hand, as a browser would send it. */
  static final class Form {
    final String boundary = "----faqbot" + System.nanoTime();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Form field(String name, String value) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"\r\n\r\n"
              + value
              + "\r\n");
      return this;
    }

    Form file(String name, String filename, String type, byte[] data) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + filename
              + "\"\r\nContent-Type: "
              + type
              + "\r\n\r\n");
      out.writeBytes(data);
      write("\r\n");
      return this;
    }

    HttpResponse<byte[]> post(String path) throws Exception {
      return post(server.base(), path);
    }

    /** The finished body, for sending it more than once. */
    byte[] body() {
      write("--" + boundary + "--\r\n");
      return out.toByteArray();
    }

    HttpResponse<byte[]> post(String base, String path) throws Exception {
      write("--" + boundary + "--\r\n");
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  static Form complete() {
    return new Form()
        .field("storeId", "12345")
        .field("merchantEmail", "butikk@example.no")
        .field("errorCode", "BAD_VALUE")
        .field("httpStatus", "400")
        .field("correlationId", "7f3c2a1e-9b1d-4c55")
        .field("platform", "WooCommerce 8 / Klarna Payments 4.1")
        .field(
            "description",
            "Kassen feiler. Authorization: Basic dXNlcjpwYXNzd29yZA== og passord: Hemmelig123, "
                + "nøkkel klarna_live_api_abcDEF123456, bruker K123456_a1b2c3d4e5f6")
        .file("screenshots", "Skjermbilde 2026-11-27 kl. 10.00.png", "image/png", PNG)
        .file("screenshots", "../../logg.jpg", "application/octet-stream", JPEG);
  }

  static MimeMessage parse(byte[] eml) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
  }

  static void collect(Part part, List<Part> leaves) throws Exception {
    if (part.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        collect(mp.getBodyPart(i), leaves);
      }
    } else {
      leaves.add(part);
    }
  }

  @Test
  void the_config_gives_the_widget_the_fields_and_image_types_the_server_checks() {
    TestServer.Reply config = server.get("/api/support-email/config");
    assertEquals(200, config.status(), config.body());
    List<String> names = new ArrayList<>();
    config.json().get("fields").forEach(f -> names.add(f.get("name").asText()));
    assertEquals(Arrays.stream(SupportField.values()).map(SupportField::param).toList(), names);
    assertTrue(
        config.json().get("fields").get(1).get("required").asBoolean(),
        "merchantEmail is required");
    List<String> types = new ArrayList<>();
    config.json().get("types").forEach(t -> types.add(t.asText()));
    assertEquals(List.of("image/png", "image/jpeg", "image/gif", "image/webp"), types);
  }

  @Test
  void the_eml_has_the_headers_parts_and_attachments_and_no_secret() throws Exception {
    HttpResponse<byte[]> r = complete().post("/api/support-email");
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("message/rfc822"));
    assertTrue(
        r.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .matches("attachment; filename=\"support-FQ-[A-Z0-9]{6}\\.eml\""));
    assertEquals("true", r.headers().firstValue("X-Faqbot-Redacted").orElse(""));
    String raw = new String(r.body(), StandardCharsets.UTF_8);
    for (String secret :
        List.of(
            "dXNlcjpwYXNzd29yZA", "Hemmelig123", "klarna_live_api_abcDEF123456", "a1b2c3d4e5f6")) {
      assertFalse(raw.contains(secret), "secret '" + secret + "' must not be in the e-mail");
    }
    MimeMessage m = parse(r.body());
    assertEquals(
        "product-upgrade-support@klarna.com",
        m.getRecipients(MimeMessage.RecipientType.TO)[0].toString());
    assertEquals("butikk@example.no", m.getReplyTo()[0].toString());
    String subject = m.getSubject();
    assertTrue(
        subject.contains("butikk 12345 (gammel EID)") && subject.contains("feilkode BAD_VALUE"),
        subject);
    List<Part> leaves = new ArrayList<>();
    collect(m, leaves);
    assertEquals(4, leaves.size(), "text, html and two screenshots");
    String text = (String) leaves.get(0).getContent();
    assertTrue(leaves.get(0).isMimeType("text/plain") && leaves.get(1).isMimeType("text/html"));
    assertTrue(text.contains("Butikk-ID: 12345 (kun sifre: gammel EID, KPM/KCO v2)"), text);
    assertTrue(text.contains("Correlation ID: 7f3c2a1e-9b1d-4c55"), text);
    assertTrue(
        text.matches(
            "(?s).*Tidspunkt: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d \\(Europe/Oslo\\).*"),
        text);
    assertTrue(text.contains("Saksreferanse: FQ-"), text);
    assertTrue(text.contains("K123456_a1**"), "the API username is masked, not removed: " + text);
    assertTrue(text.contains("hemmeligheter ble fjernet"), text);
    assertEquals(
        "skjermbilde-2026-11-27-kl.-10.00.png",
        MimeUtility.decodeText(leaves.get(2).getFileName()));
    assertTrue(leaves.get(2).isMimeType("image/png"));
    assertEquals("logg.jpg", leaves.get(3).getFileName());
    assertTrue(
        leaves.get(3).isMimeType("image/jpeg"),
        "type comes from the content, not the declared type");
    assertEquals(Part.ATTACHMENT, leaves.get(3).getDisposition());
  }

  @Test
  void the_json_preview_lists_attachments_and_offers_a_mailto_link() throws Exception {
    HttpResponse<byte[]> r = complete().post("/api/support-email?format=json");
    assertEquals(200, r.statusCode());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertEquals("product-upgrade-support@klarna.com", json.path("to").asText());
    assertEquals(2, json.path("attachments").size());
    assertEquals("image/png", json.path("attachments").get(0).path("contentType").asText());
    assertEquals(PNG.length, json.path("attachments").get(0).path("size").asInt());
    assertTrue(
        json.path("mailto")
            .asText()
            .startsWith("mailto:product-upgrade-support@klarna.com?subject="));
    assertTrue(json.path("redacted").asBoolean());
    assertTrue(json.path("legacyEid").asBoolean());
    assertFalse(json.path("body").asText().contains("Hemmelig123"));
  }

  @Test
  void the_flow_state_adds_the_problem_and_what_was_already_tried() throws Exception {
    var reply =
        server
            .chat("testkjøpet feiler hele tiden etter at vi installerte den nye pluginen", "nb")
            .json();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var body =
        mapper
            .createObjectNode()
            .put("choice", reply.path("flow").path("options").get(0).path("id").asText());
    body.set("state", reply.path("state"));
    var next = server.postJson("/api/chat", body.toString()).json();
    HttpResponse<byte[]> r =
        new Form()
            .field("state", next.path("state").toString())
            .field("merchantEmail", "butikk@example.no")
            .post("/api/support-email?format=json");
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    var json = mapper.readTree(r.body());
    assertTrue(
        json.path("subject").asText().startsWith("[Oppgradering] Testkjøpet"),
        json.path("subject").asText());
    assertTrue(
        json.path("body").asText().contains("Allerede forsøkt (veiledet feilsøking):\n- "),
        json.path("body").asText());
  }

  @Test
  void without_a_flow_the_chat_so_far_goes_along_redacted() throws Exception {
    HttpResponse<byte[]> r =
        new Form()
            .field("merchantEmail", "butikk@example.no")
            .field("context", "Du: hvor finner jeg butikk-id")
            .field("context", "Du: passordet mitt er Hemmelig123")
            .post("/api/support-email?format=json");
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    String body =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("body").asText();
    assertTrue(body.contains("Samtalen i chatten:\n- Du: hvor finner jeg butikk-id"), body);
    assertTrue(!body.contains("Hemmelig123"), body);
  }

  @Test
  void line_breaks_cannot_inject_headers() throws Exception {
    HttpResponse<byte[]> r =
        new Form()
            .field("merchantEmail", "butikk@example.no")
            .field("storeId", "K123456\r\nBcc: victim@example.com")
            .field("errorCode", "X\nX-Injected: yes")
            .post("/api/support-email");
    assertEquals(200, r.statusCode());
    MimeMessage m = parse(r.body());
    assertEquals(null, m.getHeader("Bcc"));
    assertEquals(null, m.getHeader("X-Injected"));
    assertFalse(m.getSubject().contains("\n"));
    HttpResponse<byte[]> bad =
        new Form().field("merchantEmail", "a@b.no\r\nBcc: x@y.z").post("/api/support-email");
    assertEquals(400, bad.statusCode());
  }

  @Test
  void uploads_are_checked_by_content_count_and_size() throws Exception {
    HttpResponse<byte[]> fake =
        new Form()
            .field("merchantEmail", "butikk@example.no")
            .file(
                "screenshots",
                "screenshot.png",
                "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
            .post("/api/support-email");
    assertEquals(415, fake.statusCode());
    assertTrue(
        new String(fake.body(), StandardCharsets.UTF_8)
            .contains("is not a PNG, JPEG, GIF or WebP image"));
    Form many = new Form().field("merchantEmail", "butikk@example.no");
    for (int i = 0; i < 6; i++) {
      many.file("screenshots", "s" + i + ".png", "image/png", PNG);
    }
    HttpResponse<byte[]> tooMany = many.post("/api/support-email");
    assertEquals(400, tooMany.statusCode(), new String(tooMany.body(), StandardCharsets.UTF_8));
    byte[] big = new byte[70 * 1024];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    HttpResponse<byte[]> tooBig =
        new Form()
            .field("merchantEmail", "butikk@example.no")
            .file("screenshots", "big.png", "image/png", big)
            .post("/api/support-email");
    assertEquals(413, tooBig.statusCode(), new String(tooBig.body(), StandardCharsets.UTF_8));
    assertTrue(new String(tooBig.body(), StandardCharsets.UTF_8).startsWith("{\"error\":"));
  }

  @Test
  void missing_or_bad_fields_are_400s() throws Exception {
    assertEquals(
        400,
        new Form().field("storeId", "K1").post("/api/support-email").statusCode(),
        "merchantEmail is required");
    assertEquals(
        400, new Form().field("merchantEmail", "nope").post("/api/support-email").statusCode());
    assertEquals(
        400,
        new Form()
            .field("merchantEmail", "a@b.no")
            .field("state", "{\"sig\":\"forged\"}")
            .post("/api/support-email")
            .statusCode());
    assertEquals(
        400, server.postJson("/api/support-email", "{}").status(), "JSON instead of multipart");
  }

  @Test
  void the_server_sends_it_over_smtp_when_configured() throws Exception {
    HttpResponse<byte[]> r = complete().post("/api/support-email/send");
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertTrue(smtp.waitForIncomingEmail(5000, 1));
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertEquals("faqbot@shop.example", received.getFrom()[0].toString());
    assertEquals("butikk@example.no", received.getReplyTo()[0].toString());
    assertEquals("product-upgrade-support@klarna.com", received.getAllRecipients()[0].toString());
    List<Part> leaves = new ArrayList<>();
    collect(received, leaves);
    assertEquals(4, leaves.size());
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    received.writeTo(raw);
    assertFalse(raw.toString(StandardCharsets.UTF_8).contains("Hemmelig123"));
  }

  @Test
  void merchant_email_is_one_bare_address_that_cannot_pose_as_support() throws Exception {
    List<String> posing =
        List.of(
            "\"Klarna Support\" <product-upgrade-support@klarna.com>",
            "Support <evil@example.com>",
            "=?UTF-8?B?S2xhcm5h?= <evil@example.com>",
            "product-upgrade-support@klarna.com",
            "PRODUCT-UPGRADE-SUPPORT@KLARNA.COM",
            "support@klarna.com",
            "someone@mail.klarna.com",
            "evil@example.com (product-upgrade-support@klarna.com)",
            "butikk@example.no, product-upgrade-support@klarna.com",
            "\"product-upgrade-support@klarna.com\"@evil.example",
            "evil@[127.0.0.1]",
            "<evil@example.com>",
            "a@b@example.com",
            "evil@example",
            "evil@-example.com",
            "evil@example.com;product-upgrade-support@klarna.com");
    for (String address : posing) {
      HttpResponse<byte[]> r =
          new Form().field("merchantEmail", address).post("/api/support-email?format=json");
      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertEquals(400, r.statusCode(), address + " -> " + body);
      assertTrue(body.startsWith("{\"error\":\"merchantEmail "), body);
    }
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String[] ok :
        new String[][] {
          {"butikk@example.no", "butikk@example.no"},
          {" ola.nordmann+test@Butikk.Example ", "ola.nordmann+test@butikk.example"},
          {"post@blåbær.no", "post@xn--blbr-roah.no"}
        }) {
      HttpResponse<byte[]> r =
          new Form().field("merchantEmail", ok[0]).post("/api/support-email?format=json");
      assertEquals(
          200, r.statusCode(), ok[0] + " -> " + new String(r.body(), StandardCharsets.UTF_8));
      assertEquals(ok[1], mapper.readTree(r.body()).path("replyTo").asText());
    }
  }
}
