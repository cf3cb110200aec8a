package org.veille.calls;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;

/**
 * The day, hour and zone that a match of {@link DeadlineTables#DATE}, {@link DeadlineTables#TIME}
 * or {@link DeadlineTables#TIME_BEFORE} names; null where there is no such day ("31 février") or
 * hour ("25:00"). A date without a year is placed after {@code published}, on the weekday it names.
 */
final class DayAndTime {

  private DayAndTime() {}

  static LocalDate date(Matcher m, LocalDate published) {
    int day;
    int month;
    Integer year = null;
    try {
      if (m.group("d1") != null) {
        day = m.group("d1").equals("1er") ? 1 : Integer.parseInt(m.group("d1"));
        month = month(m.group("m1"));
        year = m.group("y1") == null ? null : Integer.valueOf(m.group("y1"));
      } else if (m.group("m2") != null) {
        day = Integer.parseInt(m.group("d2"));
        month = month(m.group("m2"));
        year = m.group("y2") == null ? null : Integer.valueOf(m.group("y2"));
      } else if (m.group("y5") != null) {
        day = Integer.parseInt(m.group("d5"));
        month = Integer.parseInt(m.group("m5"));
        year = Integer.valueOf(m.group("y5"));
      } else if (m.group("d3") != null) {
        day = Integer.parseInt(m.group("d3"));
        month = Integer.parseInt(m.group("m3"));
        int y = Integer.parseInt(m.group("y3"));
        year = y < 100 ? 2000 + y : y;
      } else {
        day = Integer.parseInt(m.group("d4"));
        month = Integer.parseInt(m.group("m4"));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (month > 12 && day <= 12 && m.group("d1") == null && m.group("m2") == null) {
      int t = day; // 03/15/2026, an American order
      day = month;
      month = t;
    }
    DayOfWeek weekday = weekday(m.group("wd"));
    try {
      if (year != null) {
        return LocalDate.of(year, month, day);
      }
      if (month < 1 || month > 12 || day < 1 || day > 31) {
        return null;
      }
      LocalDate same = LocalDate.of(published.getYear(), month, day);
      LocalDate next = LocalDate.of(published.getYear() + 1, month, day);
      if (weekday != null && !same.isBefore(published) && same.getDayOfWeek() != weekday) {
        if (next.getDayOfWeek() == weekday) {
          return next;
        }
      }
      return same.isBefore(published) ? next : same;
    } catch (DateTimeException e) {
      return null; // 31 February, 30 February, month 13: no such day
    }
  }

  private static int month(String name) {
    String n = name.replace(".", "");
    return switch (n.substring(0, Math.min(3, n.length()))) {
      case "jan" -> 1;
      case "fev", "feb" -> 2;
      case "mar" -> 3;
      case "avr", "apr" -> 4;
      case "mai", "may" -> 5;
      case "jun", "jui", "jul" -> n.startsWith("juil") || n.startsWith("jul") ? 7 : 6;
      case "aou", "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new NumberFormatException(name);
    };
  }

  private static DayOfWeek weekday(String name) {
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "lundi", "monday" -> DayOfWeek.MONDAY;
      case "mardi", "tuesday" -> DayOfWeek.TUESDAY;
      case "mercredi", "wednesday" -> DayOfWeek.WEDNESDAY;
      case "jeudi", "thursday" -> DayOfWeek.THURSDAY;
      case "vendredi", "friday" -> DayOfWeek.FRIDAY;
      case "samedi", "saturday" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }

  static LocalTime time(Matcher t) {
    String word = t.group("word");
    if (word != null) {
      return switch (word) {
        case "midi", "noon", "midday" -> LocalTime.NOON;
        default -> LocalTime.of(23, 59); // minuit, midnight: the end of the day
      };
    }
    String h =
        t.group("h1") != null
            ? t.group("h1")
            : t.group("h2") != null ? t.group("h2") : t.group("h3");
    String min =
        t.group("h1") != null ? t.group("min1") : t.group("h2") != null ? t.group("min2") : null;
    String ap = t.group("h2") != null ? t.group("ap2") : t.group("ap3");
    int hour = Integer.parseInt(h);
    int minute = min == null ? 0 : Integer.parseInt(min);
    if (ap != null) {
      boolean pm = ap.startsWith("p");
      if (hour > 12) {
        return null;
      }
      hour = hour % 12 + (pm ? 12 : 0);
    }
    if (hour == 24 && minute == 0) {
      return LocalTime.of(23, 59);
    }
    if (hour > 23 || minute > 59) {
      return null;
    }
    return LocalTime.of(hour, minute);
  }

  static LocalTime timeBefore(Matcher t) {
    String word = t.group("word");
    if (word != null) {
      return word.equals("midi") || word.equals("noon") || word.equals("midday")
          ? LocalTime.NOON
          : LocalTime.of(23, 59);
    }
    int hour = Integer.parseInt(t.group("h"));
    int minute = t.group("min") == null ? 0 : Integer.parseInt(t.group("min"));
    String ap = t.group("ap");
    if (ap == null) {
      return null; // a bare number before a date is not an hour
    }
    if (ap.startsWith("p") || ap.startsWith("a")) {
      hour = hour % 12 + (ap.startsWith("p") ? 12 : 0);
    }
    return hour > 23 || minute > 59 ? null : LocalTime.of(hour, minute);
  }

  static String zone(String words) {
    if (words == null) {
      return null;
    }
    for (String w : words.split("[\\s+\\-]+")) {
      String z = DeadlineTables.ZONES.get(w);
      if (z != null) {
        return z;
      }
    }
    return null;
  }
}
