package no.faqbot.support;

import java.util.Map;

/**
 * Where to send support e-mails when the server sends them itself ({@code FAQBOT_SMTP_*}). The
 * password is only ever handed to the mail session, never logged or shown.
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

  /** From the environment; null when {@code FAQBOT_SMTP_HOST} is not set. */
  public static SmtpSettings fromEnvironment(Map<String, String> env) {
    String host = env.get("FAQBOT_SMTP_HOST");
    if (host == null || host.isBlank()) {
      return null;
    }
    int port;
    try {
      port = Integer.parseInt(env.getOrDefault("FAQBOT_SMTP_PORT", "587").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "FAQBOT_SMTP_PORT must be a port number, got '" + env.get("FAQBOT_SMTP_PORT") + "'");
    }
    return new SmtpSettings(
        host,
        port,
        env.get("FAQBOT_SMTP_USER"),
        env.get("FAQBOT_SMTP_PASSWORD"),
        !"false".equalsIgnoreCase(env.getOrDefault("FAQBOT_SMTP_STARTTLS", "true")),
        env.getOrDefault("FAQBOT_SMTP_FROM", "faqbot@localhost"));
  }
}
