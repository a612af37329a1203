package no.faqbot.insights;

/**
 * Whether chat events are recorded, for how long they are kept, and how large the store may grow.
 *
 * @param on {@code FAQBOT_RECORDING} ({@code on} by default, {@code off} records nothing)
 * @param retentionDays {@code FAQBOT_RETENTION_DAYS}: events older than this are purged daily
 * @param maxStoreBytes {@code FAQBOT_STORE_MAX_MB}: events are refused while the store is this
 *     large
 * @param diskReserveBytes {@code FAQBOT_DISK_RESERVE_MB}: events are refused while the embedded
 *     store's disk has less free
 */
public record RecordingSettings(
    boolean on, int retentionDays, long maxStoreBytes, long diskReserveBytes) {
  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final int DEFAULT_STORE_MAX_MB = 2048;
  public static final int DEFAULT_DISK_RESERVE_MB = 256;
  private static final long MB = 1024 * 1024;
  public static final RecordingSettings DEFAULT =
      new RecordingSettings(true, DEFAULT_RETENTION_DAYS);

  /** With the default size limits. */
  public RecordingSettings(boolean on, int retentionDays) {
    this(on, retentionDays, DEFAULT_STORE_MAX_MB * MB, DEFAULT_DISK_RESERVE_MB * MB);
  }

  public RecordingSettings {
    if (retentionDays < 1 || retentionDays > 3650) {
      throw new IllegalArgumentException(
          "FAQBOT_RETENTION_DAYS must be between 1 and 3650, got " + retentionDays);
    }
    if (maxStoreBytes < 1 || diskReserveBytes < 0) {
      throw new IllegalArgumentException(
          "store limits out of range: " + maxStoreBytes + " and " + diskReserveBytes + " bytes");
    }
  }
}
