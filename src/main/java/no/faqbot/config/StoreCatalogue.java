package no.faqbot.config;

import no.faqbot.insights.RecordingSettings;
import no.faqbot.store.StoreSettings;

/**
 * The event store's settings: whether chat events are recorded, how long and how much is kept, and
 * the PostgreSQL database that keeps them instead of the embedded store.
 */
public final class StoreCatalogue {
  private StoreCatalogue() {}

  public static final Setting<Boolean> RECORDING =
      Setting.env(
          "FAQBOT_RECORDING",
          "on",
          "on or off: whether chat events are recorded for the insights pages (see docs/privacy.md)",
          Parsers.onOff());
  public static final Setting<Integer> RETENTION_DAYS =
      Setting.env(
          "FAQBOT_RETENTION_DAYS",
          Integer.toString(RecordingSettings.DEFAULT_RETENTION_DAYS),
          "events older than this many days are deleted daily (1 to 3650)",
          Parsers.integer(1, 3650));
  public static final Setting<Long> STORE_MAX_MB =
      Setting.env(
          "FAQBOT_STORE_MAX_MB",
          Integer.toString(RecordingSettings.DEFAULT_STORE_MAX_MB),
          "largest size of the event store in megabytes (1 to 1000000); while it is that large,"
              + " new events are refused (counted in /metrics, said once in the log)",
          Parsers.megabytes(1, 1_000_000));
  public static final Setting<Long> DISK_RESERVE_MB =
      Setting.env(
          "FAQBOT_DISK_RESERVE_MB",
          Integer.toString(RecordingSettings.DEFAULT_DISK_RESERVE_MB),
          "free disk in megabytes the embedded store leaves (0 to 1000000); with less free, new"
              + " events are refused",
          Parsers.megabytes(0, 1_000_000));
  public static final Setting<String> DATABASE_URL =
      Setting.env(
          "FAQBOT_DATABASE_URL",
          null,
          "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/faqbot) to keep events and shared"
              + " state in; unset uses the embedded store in FAQBOT_DATA; unreachable for "
              + StoreSettings.START_WAIT.toSeconds()
              + " s (tried once a second) stops the start",
          Parsers.jdbcUrl());
  public static final Setting<String> DATABASE_USER =
      Setting.env("FAQBOT_DATABASE_USER", null, "the PostgreSQL user", Parsers.verbatim());
  public static final Setting<String> DATABASE_PASSWORD =
      Setting.env(
          "FAQBOT_DATABASE_PASSWORD", null, "the PostgreSQL user's password", Parsers.verbatim());
}
