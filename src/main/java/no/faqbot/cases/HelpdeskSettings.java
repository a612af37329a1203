package no.faqbot.cases;

import java.net.URI;

/**
 * Where cases are delivered and how much room their screenshots get.
 *
 * @param kind {@code FAQBOT_HELPDESK}: {@code off}, {@code webhook}, {@code zendesk} or {@code
 *     freshdesk}
 * @param url {@code FAQBOT_HELPDESK_URL}: the webhook's address, or the helpdesk's own ({@code
 *     https://shop.zendesk.com}); null when off
 * @param user {@code FAQBOT_HELPDESK_USER}: the Zendesk agent's e-mail address (API token login)
 * @param secret {@code FAQBOT_HELPDESK_SECRET}: the webhook's signing key, the Zendesk API token or
 *     the Freshdesk API key; never logged
 * @param storageBytes {@code FAQBOT_CASE_STORAGE_MB}: most bytes of kept screenshots in all
 */
public record HelpdeskSettings(
    String kind, URI url, String user, String secret, long storageBytes) {
  public static final long DEFAULT_STORAGE_MB = 500;
  public static final HelpdeskSettings OFF =
      new HelpdeskSettings("off", null, null, null, DEFAULT_STORAGE_MB * 1024 * 1024);

  public boolean on() {
    return !"off".equals(kind);
  }

  /** Never the secret: records print every component otherwise. */
  @Override
  public String toString() {
    return kind + (url == null ? "" : " " + url);
  }
}
