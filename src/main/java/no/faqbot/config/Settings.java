package no.faqbot.config;

import java.nio.file.Path;

/**
 * Everything the server is configured with, from flags or {@code FAQBOT_*} environment variables.
 *
 * @param supportEmail where prepared support e-mails go
 */
public record Settings(String host, int port, Path content, Path index, String supportEmail) {
  public static final String DEFAULT_SUPPORT_EMAIL = "product-upgrade-support@klarna.com";

  public Settings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
  }
}
