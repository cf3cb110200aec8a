package org.veille.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span of a digest: {@code [from, to)} in a time zone, named by its ISO week ({@code 2026-W47})
 * or by its dates. {@code firstDay} and {@code lastDay} are the calendar days it covers.
 */
public record Period(
    String name, LocalDate firstDay, LocalDate lastDay, ZoneId zone, boolean isoWeek) {
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  public Instant from() {
    return firstDay.atStartOfDay(zone).toInstant();
  }

  public Instant to() {
    return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** An ISO week, Monday 00:00 to Sunday 24:00 in {@code zone}. */
  public static Period week(String name, ZoneId zone) {
    Matcher m = WEEK.matcher(name.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("bad week '" + name + "': use YYYY-Www, e.g. 2026-W47");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    LocalDate anyDay = LocalDate.of(year, 6, 1);
    if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
      throw new IllegalArgumentException(
          "bad week '" + name + "': " + year + " has no week " + week);
    }
    LocalDate monday =
        anyDay
            .with(IsoFields.WEEK_BASED_YEAR, year)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return of(monday, zone);
  }

  /** The ISO week that starts on {@code monday}. */
  public static Period of(LocalDate monday, ZoneId zone) {
    String name =
        String.format(
            "%d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return new Period(name, monday, monday.plusDays(6), zone, true);
  }

  /** The last ISO week that has ended at {@code now} in {@code zone}. */
  public static Period lastCompletedWeek(Instant now, ZoneId zone) {
    LocalDate thisMonday =
        now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return of(thisMonday.minusWeeks(1), zone);
  }

  /** From {@code first} to {@code last}, both days included. */
  public static Period days(String first, String last, ZoneId zone) {
    try {
      LocalDate a = LocalDate.parse(first.trim());
      LocalDate b = LocalDate.parse(last.trim());
      if (b.isBefore(a)) {
        throw new IllegalArgumentException("--to " + last + " is before --from " + first);
      }
      return new Period(a + "_" + b, a, b, zone, false);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad date: use YYYY-MM-DD (" + e.getParsedString() + ")");
    }
  }

  /** The ISO week number, for labels. */
  public int weekNumber() {
    return firstDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }
}
