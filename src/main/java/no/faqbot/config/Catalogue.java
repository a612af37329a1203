package no.faqbot.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.faqbot.web.ClientLimits;

/**
 * Every setting faqbot reads, in the order {@code serve --help} and the README list them. A
 * variable that is not here is not read: {@link SettingsReader} reads only these. Each is written
 * once, with the others of its group: {@link ServerCatalogue}, {@link StaffCatalogue}, {@link
 * StoreCatalogue}, {@link OperationsCatalogue}, {@link SupportCatalogue}; the per-client limits,
 * all made by one rule, are here.
 */
public final class Catalogue {
  private Catalogue() {}

  /** Environment variables that set a per-client limit start with this. */
  public static final String LIMIT_PREFIX = "FAQBOT_LIMIT_";

  /**
   * The per-client limits. The defaults are limits no real merchant reaches: a chat turn every
   * second with bursts of a minute's worth, and a handful of support e-mails.
   */
  public static final List<Setting<ClientLimits.Rule>> LIMITS =
      List.of(
          limit("CHAT", "60/min", "POST", "/api/chat", ""),
          limit("SUGGEST", "120/min", "GET", "/api/suggest", ""),
          limit("FEEDBACK", "30/min", "POST", "/api/feedback", ""),
          limit("ENTRIES", "120/min", "GET", "/api/entries/{id}", " (a pick is recorded from it)"),
          limit(
              "SUPPORT_EMAIL", "30/10min", "POST", "/api/support-email", " (preview and download)"),
          limit("SUPPORT_SEND", "5/10min", "POST", "/api/support-email/send", ""));

  /** Every setting, in the order they are listed. */
  public static final List<Setting<?>> ALL =
      Stream.of(
              List.<Setting<?>>of(
                  ServerCatalogue.HOST,
                  ServerCatalogue.PORT,
                  ServerCatalogue.CONTENT,
                  ServerCatalogue.INDEX,
                  ServerCatalogue.DATA,
                  SupportCatalogue.SUPPORT_EMAIL,
                  StaffCatalogue.STAFF_USER,
                  StaffCatalogue.STAFF_PASSWORD,
                  StaffCatalogue.OIDC_ISSUER,
                  StaffCatalogue.OIDC_CLIENT_ID,
                  StaffCatalogue.OIDC_CLIENT_SECRET,
                  StaffCatalogue.OIDC_REDIRECT_URI,
                  StaffCatalogue.OIDC_NAME,
                  StaffCatalogue.OIDC_USER_CLAIM,
                  StaffCatalogue.OIDC_ONLY,
                  ServerCatalogue.CORS_ORIGINS,
                  ServerCatalogue.TRUSTED_PROXIES,
                  ServerCatalogue.IPV6_PREFIX,
                  ServerCatalogue.STATE_SECRET,
                  ServerCatalogue.THREADS,
                  SupportCatalogue.MAX_SCREENSHOTS,
                  SupportCatalogue.MAX_SCREENSHOT_MB,
                  SupportCatalogue.SUPPORT_AT_ONCE,
                  StoreCatalogue.RECORDING,
                  StoreCatalogue.RETENTION_DAYS,
                  StoreCatalogue.STORE_MAX_MB,
                  StoreCatalogue.DISK_RESERVE_MB,
                  StoreCatalogue.DATABASE_URL,
                  StoreCatalogue.DATABASE_USER,
                  StoreCatalogue.DATABASE_PASSWORD,
                  OperationsCatalogue.SHUTDOWN_SECONDS,
                  OperationsCatalogue.METRICS_TOKEN,
                  OperationsCatalogue.LOG_FORMAT),
              LIMITS,
              List.<Setting<?>>of(
                  SupportCatalogue.SMTP_HOST,
                  SupportCatalogue.SMTP_PORT,
                  SupportCatalogue.SMTP_USER,
                  SupportCatalogue.SMTP_PASSWORD,
                  SupportCatalogue.SMTP_STARTTLS,
                  SupportCatalogue.SMTP_FROM,
                  SupportCatalogue.HELPDESK,
                  SupportCatalogue.HELPDESK_URL,
                  SupportCatalogue.HELPDESK_USER,
                  SupportCatalogue.HELPDESK_SECRET,
                  SupportCatalogue.CASE_STORAGE_MB))
          .<Setting<?>>flatMap(List::stream)
          .toList();

  private static final Map<String, Setting<?>> BY_VARIABLE =
      Map.copyOf(ALL.stream().collect(Collectors.toMap(Setting::variable, s -> s)));

  /** The setting with this variable, or null. */
  public static Setting<?> byVariable(String variable) {
    return BY_VARIABLE.get(variable);
  }

  /** The limit set by {@code variable} ({@code FAQBOT_LIMIT_CHAT}), or null when none is. */
  public static Setting<ClientLimits.Rule> limit(String variable) {
    return LIMITS.stream().filter(s -> s.variable().equals(variable)).findFirst().orElse(null);
  }

  /** The limit on {@code method} {@code path}, set by {@code FAQBOT_LIMIT_<name>}. */
  private static Setting<ClientLimits.Rule> limit(
      String name, String spec, String method, String path, String note) {
    String variable = LIMIT_PREFIX + name;
    return Setting.env(
        variable,
        spec,
        "requests per client to "
            + method
            + " "
            + path
            + note
            + ", as count/period (60/min, 5/10min, 1000/h; the period in s, min or h) or off;"
            + " over it a client gets 429 with Retry-After",
        Parsers.limit(variable, method, path));
  }
}
