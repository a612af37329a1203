package no.faqbot.config;

import java.nio.file.Path;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;

/**
 * Everything the server is configured with, from flags or {@code FAQBOT_*} environment variables.
 *
 * @param supportEmail where prepared support e-mails go
 * @param stateSecret signs conversation state ({@code FAQBOT_STATE_SECRET}); replicas that share
 *     it can continue each other's conversations; null picks a random one per start
 * @param supportLimits how many screenshots of what size a support e-mail takes
 * @param smtp where the server sends support e-mails itself; null when it only prepares them
 * @param corsOrigins shop origins allowed to embed the widget from another site, comma-separated
 *     ({@code FAQBOT_CORS_ORIGINS}); null or empty allows none but this server's own
 * @param data where faqbot keeps what it collects, such as answer feedback ({@code FAQBOT_DATA})
 * @param staffUser the staff login ({@code FAQBOT_STAFF_USER}, default {@code staff})
 * @param staffPassword its password ({@code FAQBOT_STAFF_PASSWORD}); null generates one at start
 *     and prints it once
 */
public record Settings(
    String host,
    int port,
    Path content,
    Path index,
    String supportEmail,
    String stateSecret,
    SupportLimits supportLimits,
    SmtpSettings smtp,
    String corsOrigins,
    Path data,
    String staffUser,
    String staffPassword) {
  public static final String DEFAULT_SUPPORT_EMAIL = "product-upgrade-support@klarna.com";

  public Settings(String host, int port, Path content, Path index, String supportEmail) {
    this(host, port, content, index, supportEmail, null, SupportLimits.DEFAULT, null, null, index.resolveSibling("data"), null, null);
  }

  public Settings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
  }
}
