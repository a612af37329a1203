package no.faqbot.config;

import no.faqbot.support.SupportLimits;

/**
 * The support e-mail's settings: where it goes, what it takes, and how it is sent (SMTP or a
 * helpdesk).
 */
public final class SupportCatalogue {
  private SupportCatalogue() {}

  public static final Setting<String> SUPPORT_EMAIL =
      Setting.env(
          "FAQBOT_SUPPORT_EMAIL",
          "product-upgrade-support@klarna.com",
          "the support address prepared e-mails go to (one bare address)",
          Parsers.address(true));
  public static final Setting<Integer> MAX_SCREENSHOTS =
      Setting.env(
          "FAQBOT_MAX_SCREENSHOTS",
          Integer.toString(SupportLimits.DEFAULT.maxFiles()),
          "screenshots a support e-mail takes (0 to 20)",
          Parsers.integer(0, 20));
  public static final Setting<Long> MAX_SCREENSHOT_MB =
      Setting.env(
          "FAQBOT_MAX_SCREENSHOT_MB",
          Long.toString(SupportLimits.DEFAULT.maxFileBytes() / (1024 * 1024)),
          "largest screenshot in megabytes (1 to 100)",
          Parsers.megabytes(1, 100));
  public static final Setting<Integer> SUPPORT_AT_ONCE =
      Setting.env(
          "FAQBOT_SUPPORT_AT_ONCE",
          Integer.toString(SupportLimits.DEFAULT_PER_CLIENT),
          "support e-mail requests one client may have in flight at once (1 to 100); more get 429",
          Parsers.integer(1, 100));
  public static final Setting<String> SMTP_HOST =
      Setting.env(
          "FAQBOT_SMTP_HOST",
          null,
          "the SMTP server that sends support e-mails; unset only prepares them for download",
          Parsers.text());
  public static final Setting<Integer> SMTP_PORT =
      Setting.env("FAQBOT_SMTP_PORT", "587", "its port (1 to 65535)", Parsers.integer(1, 65535));
  public static final Setting<String> SMTP_USER =
      Setting.env(
          "FAQBOT_SMTP_USER", null, "its user; unset sends without logging in", Parsers.verbatim());
  public static final Setting<String> SMTP_PASSWORD =
      Setting.env("FAQBOT_SMTP_PASSWORD", null, "its password", Parsers.verbatim());
  public static final Setting<Boolean> SMTP_STARTTLS =
      Setting.env(
          "FAQBOT_SMTP_STARTTLS",
          "on",
          "on or off: whether to use STARTTLS when the server offers it",
          Parsers.onOff());
  public static final Setting<String> SMTP_FROM =
      Setting.env(
          "FAQBOT_SMTP_FROM", "faqbot@localhost", "the sender address", Parsers.address(false));
  public static final Setting<String> HELPDESK =
      Setting.env(
          "FAQBOT_HELPDESK",
          "off",
          "off, webhook, zendesk or freshdesk: where support cases are delivered (SMTP when off"
              + " and FAQBOT_SMTP_HOST is set; see docs/handoff.md)",
          Parsers.choice("off", "webhook", "zendesk", "freshdesk"));
  public static final Setting<String> HELPDESK_URL =
      Setting.env(
          "FAQBOT_HELPDESK_URL",
          null,
          "the webhook's https address, or the helpdesk's own (https://shop.zendesk.com,"
              + " https://shop.freshdesk.com)",
          Parsers.text());
  public static final Setting<String> HELPDESK_USER =
      Setting.env(
          "FAQBOT_HELPDESK_USER",
          null,
          "Zendesk: the agent's e-mail address for the API",
          Parsers.text());
  public static final Setting<String> HELPDESK_SECRET =
      Setting.env(
          "FAQBOT_HELPDESK_SECRET",
          null,
          "the webhook's signing key, the Zendesk API token or the Freshdesk API key (from the"
              + " environment; never logged)",
          Parsers.verbatim());
  public static final Setting<Long> CASE_STORAGE_MB =
      Setting.env(
          "FAQBOT_CASE_STORAGE_MB",
          "500",
          "most megabytes of support cases' screenshots kept under FAQBOT_DATA/cases (1 to"
              + " 100000); the oldest cases' go first",
          Parsers.megabytes(1, 100_000));
}
