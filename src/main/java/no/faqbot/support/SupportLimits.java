package no.faqbot.support;

/**
 * How many screenshots and how large; configurable ({@code FAQBOT_MAX_SCREENSHOTS}, {@code
 * FAQBOT_MAX_SCREENSHOT_MB}).
 */
public record SupportLimits(int maxFiles, long maxFileBytes) {
  public static final SupportLimits DEFAULT = new SupportLimits(5, 5L * 1024 * 1024);

  /** Text fields are short; the description may be a paragraph or two. */
  public static final int MAX_FIELD = 300;

  public static final int MAX_DESCRIPTION = 4000;

  public SupportLimits {
    if (maxFiles < 0 || maxFiles > 20 || maxFileBytes < 1024) {
      throw new IllegalArgumentException(
          "screenshot limits out of range: " + maxFiles + " files of " + maxFileBytes + " bytes");
    }
  }
}
