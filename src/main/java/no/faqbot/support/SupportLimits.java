package no.faqbot.support;

/**
 * How many screenshots and how large, and how many support requests one client may have in flight;
 * configurable ({@code FAQBOT_MAX_SCREENSHOTS}, {@code FAQBOT_MAX_SCREENSHOT_MB}, {@code
 * FAQBOT_SUPPORT_AT_ONCE}).
 */
public record SupportLimits(int maxFiles, long maxFileBytes, int perClient) {
  public static final int DEFAULT_PER_CLIENT = 2;
  public static final SupportLimits DEFAULT = new SupportLimits(5, 5L * 1024 * 1024);

  /** With the default {@link #DEFAULT_PER_CLIENT}. */
  public SupportLimits(int maxFiles, long maxFileBytes) {
    this(maxFiles, maxFileBytes, DEFAULT_PER_CLIENT);
  }

  /** Text fields are short; the description may be a paragraph or two. */
  public static final int MAX_FIELD = 300;

  public static final int MAX_DESCRIPTION = 4000;

  public SupportLimits {
    if (maxFiles < 0 || maxFiles > 20 || maxFileBytes < 1024 || perClient < 1) {
      throw new IllegalArgumentException(
          "screenshot limits out of range: " + maxFiles + " files of " + maxFileBytes + " bytes");
    }
  }
}
