package no.faqbot.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.faqbot.support.Screenshot;
import no.faqbot.support.SupportEmailBuilder;
import no.faqbot.support.SupportField;

/**
 * Delivers a case as a Freshdesk ticket through its public REST API: one {@code POST
 * /api/v2/tickets} as multipart/form-data (the form Freshdesk takes attachments in) with the
 * merchant's e-mail, subject, HTML description, status open, priority low, the fields as {@code
 * tags[]} and the screenshots as {@code attachments[]}. Logs in with the API key ({@code key:X}).
 */
final class FreshdeskConnector implements Connector {
  private final URI base;
  private final String auth;
  private final HttpCalls http = new HttpCalls();

  FreshdeskConnector(URI base, String apiKey) {
    this.base = base;
    this.auth = HttpCalls.basic(apiKey, "X");
  }

  @Override
  public String name() {
    return "freshdesk";
  }

  @Override
  public void deliver(KeptCase kept, SupportEmailBuilder.Built email) throws Exception {
    String boundary = "faqbot-" + UUID.randomUUID();
    Form form = new Form(boundary);
    form.text("email", kept.request().field(SupportField.MERCHANT_EMAIL));
    form.text("subject", email.preview().subject());
    form.text("description", email.preview().html());
    form.text("status", "2");
    form.text("priority", "1");
    for (String tag : CaseTags.of(kept)) {
      form.text("tags[]", tag);
    }
    for (Screenshot s : email.request().screenshots()) {
      try (InputStream in = s.content().open()) {
        form.file("attachments[]", s.name(), s.type().contentType(), in.readAllBytes());
      }
    }
    http.send(
        HttpCalls.request(HttpCalls.resolve(base, "/api/v2/tickets"))
            .header("Authorization", auth)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.end()))
            .build());
  }

  /** A multipart/form-data body written by hand (the JDK's HTTP client has none). */
  private static final class Form {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final String boundary;

    Form(String boundary) {
      this.boundary = boundary;
    }

    void text(String name, String value) throws IOException {
      head("form-data; name=\"" + name + "\"", "text/plain; charset=utf-8");
      out.write((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    void file(String name, String fileName, String type, byte[] bytes) throws IOException {
      head("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", type);
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private void head(String disposition, String type) throws IOException {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: "
                  + disposition
                  + "\r\nContent-Type: "
                  + type
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }

    byte[] end() {
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }
}
