package org.veille.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WHEN} of the command line: an ISO date (read in the configured zone), an ISO instant, or
 * a span back from now ({@code 36h}, {@code 7d}, {@code 4w}, {@code 3m}).
 */
public final class When {
  private static final Pattern SPAN = Pattern.compile("(\\d+)([hdwm])");

  private When() {}

  /** The start of {@code text}: a date means its first instant. */
  public static Instant start(String text, ZoneId zone, Instant now) {
    return parse(text, zone, now, false);
  }

  /** The end of {@code text}, inclusive: a date means the whole day. */
  public static Instant end(String text, ZoneId zone, Instant now) {
    return parse(text, zone, now, true);
  }

  private static Instant parse(String text, ZoneId zone, Instant now, boolean endOfDay) {
    String t = text.trim();
    Matcher m = SPAN.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      var local = now.atZone(zone);
      return switch (m.group(2)) {
        case "h" -> now.minusSeconds(n * 3600);
        case "d" -> local.minusDays(n).toInstant();
        case "w" -> local.minusWeeks(n).toInstant();
        default -> local.minusMonths(n).toInstant();
      };
    }
    try {
      LocalDate d = LocalDate.parse(t);
      return endOfDay
          ? d.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
          : d.atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      // not a date: try an instant
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new RequestException(
          "bad time '"
              + text
              + "': use a date (2026-11-01), an instant"
              + " (2026-11-01T08:00:00Z) or a span back from now (36h, 7d, 4w, 3m)");
    }
  }
}
