package no.faqbot.support;

/**
 * Where to send support e-mails when the server sends them itself ({@code FAQBOT_SMTP_*}, read by
 * {@code no.faqbot.config}). The password is only ever handed to the mail session, never logged or
 * shown.
 */
public record SmtpSettings(
    String host, int port, String user, String password, boolean startTls, String from) {
  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", user="
        + user
        + ", startTls="
        + startTls
        + ", from="
        + from
        + "]";
  }
}
