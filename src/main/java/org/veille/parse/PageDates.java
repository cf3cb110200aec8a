package org.veille.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as they appear on French and English web pages: ISO ({@code 2026-02-13}, with or without
 * time), {@code 13/02/2026}, {@code 13 février 2026} (with or without "Publié le", "Mis à jour
 * le"), {@code 1er mars 2026}, {@code June 25, 2026} and {@code 25 June 2026}. A date without a
 * time is midnight in the given zone.
 */
final class PageDates {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("janvier", 1),
          Map.entry("janv", 1),
          Map.entry("février", 2),
          Map.entry("fevrier", 2),
          Map.entry("févr", 2),
          Map.entry("fevr", 2),
          Map.entry("mars", 3),
          Map.entry("avril", 4),
          Map.entry("avr", 4),
          Map.entry("mai", 5),
          Map.entry("juin", 6),
          Map.entry("juillet", 7),
          Map.entry("juil", 7),
          Map.entry("août", 8),
          Map.entry("aout", 8),
          Map.entry("septembre", 9),
          Map.entry("sept", 9),
          Map.entry("octobre", 10),
          Map.entry("oct", 10),
          Map.entry("novembre", 11),
          Map.entry("nov", 11),
          Map.entry("décembre", 12),
          Map.entry("decembre", 12),
          Map.entry("déc", 12),
          Map.entry("dec", 12),
          Map.entry("january", 1),
          Map.entry("jan", 1),
          Map.entry("february", 2),
          Map.entry("feb", 2),
          Map.entry("march", 3),
          Map.entry("mar", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("june", 6),
          Map.entry("jun", 6),
          Map.entry("july", 7),
          Map.entry("jul", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("september", 9),
          Map.entry("sep", 9),
          Map.entry("october", 10),
          Map.entry("november", 11),
          Map.entry("december", 12));

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([Zz]|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern NUMERIC =
      Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\.?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("\\b(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

  private PageDates() {}

  /** The month number of a French or English month name or abbreviation (lower case), or null. */
  static Integer month(String name) {
    return MONTHS.get(name);
  }

  static Optional<Instant> parse(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = Text.fold(text).toLowerCase(Locale.ROOT);
    Matcher m = ISO.matcher(t);
    if (m.find()) {
      return iso(m, zone);
    }
    m = NUMERIC.matcher(t);
    if (m.find()) {
      return date(m.group(3), m.group(2), m.group(1), zone);
    }
    m = DAY_MONTH_YEAR.matcher(t);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(2));
      if (month != null) {
        return date(m.group(3), String.valueOf(month), m.group(1), zone);
      }
    }
    m = MONTH_DAY_YEAR.matcher(t);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(1));
      if (month != null) {
        return date(m.group(3), String.valueOf(month), m.group(2), zone);
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> iso(Matcher m, ZoneId zone) {
    try {
      if (m.group(2) == null) {
        return Optional.of(LocalDate.parse(m.group(1)).atStartOfDay(zone).toInstant());
      }
      String local = m.group(1) + "T" + m.group(2);
      if (m.group(3) == null) {
        return Optional.of(LocalDateTime.parse(local).atZone(zone).toInstant());
      }
      String offset = m.group(3).equals("z") ? "Z" : m.group(3);
      if (offset.length() == 5) {
        offset = offset.substring(0, 3) + ":" + offset.substring(3);
      }
      return Optional.of(OffsetDateTime.parse(local + offset).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> date(String year, String month, String day, ZoneId zone) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
              .atStartOfDay(zone)
              .toInstant());
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
