package no.faqbot.support;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Builds the support e-mail as a preview and as a MIME message (Jakarta Mail). */
public final class SupportEmailBuilder {
  private static final int MAILTO_BODY = 1500;

  /**
   * Created at the first e-mail, not at start: Jakarta Mail loads its providers when a session is
   * made.
   */
  private static final class Mail {
    static final Session SESSION = Session.getInstance(new Properties());
  }

  /**
   * The message ready to send or download, its preview, and the (redacted) request it was built
   * from.
   */
  public record Built(SupportEmail preview, MimeMessage message, SupportRequest request) {}

  public Built build(
      String to, SupportRequest r, String caseRef, ZonedDateTime time, List<String> redacted) {
    String subject = SupportEmailWriter.subject(r, caseRef);
    String text = SupportEmailWriter.text(r, caseRef, time, redacted);
    String html = SupportEmailWriter.html(text);
    List<SupportEmail.Attachment> attachments =
        r.screenshots().stream()
            .map(s -> new SupportEmail.Attachment(s.name(), s.type().contentType(), s.size()))
            .toList();
    SupportEmail preview =
        new SupportEmail(
            to,
            r.merchantEmail(),
            subject,
            text,
            html,
            caseRef,
            attachments,
            redacted,
            r.legacyEid());
    try {
      MimeMessage m = new MimeMessage(Mail.SESSION);
      // A draft for the merchant's own mail program: no From (the program fills in the sender) and
      // X-Unsent, so Outlook and others open it for sending instead of as a received message.
      InternetAddress merchant = address(r.merchantEmail());
      m.setHeader("X-Unsent", "1");
      m.setReplyTo(new InternetAddress[] {merchant});
      m.setRecipient(MimeMessage.RecipientType.TO, address(to));
      m.setSubject(subject, "UTF-8");
      m.setSentDate(Date.from(time.toInstant()));
      m.setHeader("X-Faqbot-Case", caseRef);
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(text, "UTF-8", "plain");
      MimeBodyPart rich = new MimeBodyPart();
      rich.setText(html, "UTF-8", "html");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(rich);
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      mixed.addBodyPart(body);
      for (Screenshot s : r.screenshots()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ScreenshotSource(s)));
        // Said up front, so that Jakarta Mail does not read the whole file to choose an encoding.
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setFileName(MimeUtility.encodeText(s.name(), "UTF-8", null));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      m.setContent(mixed);
      m.saveChanges();
      return new Built(preview, m, r);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("building the support e-mail failed: " + e.getMessage(), e);
    }
  }

  /**
   * {@code built} with the id of the HTTP request that made it in an {@code X-Request-Id} header,
   * so support can find the request's log lines from the e-mail. Ids are ours or checked ({@code
   * [A-Za-z0-9._-]}), so they are safe in a header; an empty id adds nothing.
   */
  public static Built withRequestId(Built built, String requestId) {
    if (requestId == null || requestId.isEmpty()) {
      return built;
    }
    try {
      built.message().setHeader("X-Request-Id", requestId);
      return built;
    } catch (MessagingException e) {
      throw new IllegalStateException("marking the support e-mail failed: " + e.getMessage(), e);
    }
  }

  /**
   * A screenshot as Jakarta Mail reads it: streamed from the upload each time the message is
   * written.
   */
  private record ScreenshotSource(Screenshot screenshot) implements DataSource {
    @Override
    public InputStream getInputStream() throws IOException {
      return screenshot.content().open();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("a screenshot is read only");
    }

    @Override
    public String getContentType() {
      return screenshot.type().contentType();
    }

    @Override
    public String getName() {
      return screenshot.name();
    }
  }

  /** A {@code mailto:} link with subject and (shortened) body; attachments cannot travel in it. */
  public static String mailto(SupportEmail e) {
    String body =
        e.body().length() > MAILTO_BODY ? e.body().substring(0, MAILTO_BODY) + "…" : e.body();
    return "mailto:" + e.to() + "?subject=" + encode(e.subject()) + "&body=" + encode(body);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static InternetAddress address(String email) {
    try {
      InternetAddress a = new InternetAddress(SupportEmailWriter.oneLine(email), true);
      a.validate();
      return a;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "'" + SupportEmailWriter.oneLine(email) + "' is not a valid e-mail address");
    }
  }
}
