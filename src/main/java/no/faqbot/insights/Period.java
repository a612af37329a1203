package no.faqbot.insights;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import no.faqbot.web.ApiException;

/**
 * A span of days (UTC) from a request: {@code from} and {@code to} as dates (both included), or the
 * last {@code days} days up to now.
 */
public record Period(long from, long to) {
  public static final int MAX_DAYS = 3650;

  /**
   * Dates a period may name: nothing was recorded before the first, and beyond the last the
   * milliseconds would overflow ({@code from=-999999999-01-01} was a 500).
   */
  private static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);

  private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

  /** Today (UTC) and the {@code days - 1} whole days before it. */
  public static Period lastDays(int days, Clock clock) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    long now = clock.millis();
    long today = Math.floorDiv(now, 86_400_000L);
    return new Period((today - days + 1) * 86_400_000L, now + 1);
  }

  /** The period a request's {@code days}, or {@code from} and {@code to}, name; 400 if bad. */
  public static Period of(Context ctx, int defaultDays, Clock clock) {
    return ApiException.parse(
        () ->
            of(
                ctx.queryParam("from"),
                ctx.queryParam("to"),
                ctx.queryParam("days"),
                defaultDays,
                clock));
  }

  private static Period of(String from, String to, String days, int defaultDays, Clock clock) {
    if (from == null && to == null) {
      return lastDays(days(days, defaultDays), clock);
    }
    LocalDate first = date("from", from, LocalDate.now(clock).minusDays(defaultDays));
    LocalDate last = date("to", to, LocalDate.now(clock));
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("'to' (" + last + ") is before 'from' (" + first + ")");
    }
    return new Period(
        first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
  }

  /** A client's text in a message: short. */
  private static String cut(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  public static int days(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("days must be a whole number, got '" + value + "'");
    }
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null || date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' must be a date between "
              + FIRST_DATE
              + " and "
              + LAST_DATE
              + " like 2026-11-30, got '"
              + cut(value)
              + "'");
    }
    return date;
  }
}
