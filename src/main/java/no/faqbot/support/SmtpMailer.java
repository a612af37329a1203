package no.faqbot.support;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends a prepared support e-mail over SMTP, from the server's address with Reply-To the merchant.
 */
public final class SmtpMailer {
  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", String.valueOf(settings.port()));
    p.put("mail.smtp.auth", String.valueOf(settings.user() != null));
    p.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "20000");
    p.put("mail.smtp.writetimeout", "20000");
    this.session = Session.getInstance(p);
  }

  /**
   * Sends {@code m} from the configured address. The message is changed, not copied: a copy would
   * hold every screenshot in memory, while writing the original streams them from the uploads.
   *
   * @throws MessagingException when the server refuses or cannot be reached
   */
  public void send(MimeMessage m) throws MessagingException {
    m.setFrom(new InternetAddress(settings.from()));
    m.removeHeader("X-Unsent"); // sent here, so no longer a draft
    m.saveChanges();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
      transport.sendMessage(m, m.getAllRecipients());
    }
  }
}
