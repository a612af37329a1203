package no.faqbot.insights;

/**
 * Whether chat events are recorded and for how long they are kept.
 *
 * @param on {@code FAQBOT_RECORDING} ({@code on} by default, {@code off} records nothing)
 * @param retentionDays {@code FAQBOT_RETENTION_DAYS}: events older than this are purged daily
 */
public record RecordingSettings(boolean on, int retentionDays) {
  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final RecordingSettings DEFAULT =
      new RecordingSettings(true, DEFAULT_RETENTION_DAYS);

  public RecordingSettings {
    if (retentionDays < 1 || retentionDays > 3650) {
      throw new IllegalArgumentException(
          "FAQBOT_RETENTION_DAYS must be between 1 and 3650, got " + retentionDays);
    }
  }
}
