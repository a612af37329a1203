package no.faqbot.web;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests one client may make in a period, such as {@code 60/min} or {@code 5/10min}; a
 * client may spend them all at once (a burst), then gets them back evenly over the period. {@link
 * #OFF} does not limit.
 */
public record RateLimit(int requests, Duration per) {
  public static final RateLimit OFF = new RateLimit(0, Duration.ZERO);
  private static final Pattern SPEC = Pattern.compile("(\\d{1,7})\\s*/\\s*(\\d{0,5})\\s*([a-z]+)");

  public RateLimit {
    if (requests < 0 || per.isNegative() || (requests > 0 && per.isZero())) {
      throw new IllegalArgumentException(
          "a rate limit needs a positive number of requests per positive period");
    }
  }

  public boolean isOff() {
    return requests == 0;
  }

  /**
   * {@code spec}: {@code <requests>/<period>}, the period a unit ({@code s}, {@code min}, {@code
   * h}) with an optional count ({@code 10min}), or {@code off}.
   *
   * @throws IllegalArgumentException naming {@code variable}, for a start-up error that says what
   *     to fix
   */
  public static RateLimit parse(String variable, String spec) {
    String text = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
    if (text.equals("off")) {
      return OFF;
    }
    Matcher m = SPEC.matcher(text);
    Duration unit = m.matches() ? unit(m.group(3)) : null;
    int requests = unit == null ? 0 : Integer.parseInt(m.group(1));
    int count = unit == null || m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
    if (unit == null || requests < 1 || count < 1) {
      throw new IllegalArgumentException(
          variable
              + ": '"
              + spec
              + "' is not a rate limit; write requests per period,"
              + " such as 60/min, 5/10min or 1000/h, or off");
    }
    return new RateLimit(requests, unit.multipliedBy(count));
  }

  private static Duration unit(String name) {
    return switch (name) {
      case "s", "sec", "second", "seconds" -> Duration.ofSeconds(1);
      case "m", "min", "minute", "minutes" -> Duration.ofMinutes(1);
      case "h", "hour", "hours" -> Duration.ofHours(1);
      default -> null;
    };
  }

  @Override
  public String toString() {
    return isOff()
        ? "off"
        : requests + " per " + per.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
