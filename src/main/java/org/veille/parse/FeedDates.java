package org.veille.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them: RFC 822 in its many shapes (day name or not, one-digit day, two-digit
 * year, named or numeric zone, no seconds, French month and day names) and ISO 8601 / W3C-DTF (date
 * only, a space for the {@code T}, fractions, offsets with or without a colon). A date without a
 * zone is UTC, as readers take it. Returns null for anything else rather than guessing.
 */
final class FeedDates {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern RFC822 =
      Pattern.compile(
          "(?:[\\p{L}.]+,?\\s+)?(\\d{1,2})[\\s-]+([\\p{L}.]+)[\\s-]+(\\d{2,4})"
              + "(?:[\\sT,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?"
              + "(?:\\s*\\(.*\\))?");
  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("GMT", 0),
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("Z", 0),
          Map.entry("WET", 0),
          Map.entry("BST", 60),
          Map.entry("CET", 60),
          Map.entry("MET", 60),
          Map.entry("WEST", 60),
          Map.entry("CEST", 120),
          Map.entry("MEST", 120),
          Map.entry("EET", 120),
          Map.entry("EEST", 180),
          Map.entry("EST", -300),
          Map.entry("EDT", -240),
          Map.entry("CST", -360),
          Map.entry("CDT", -300),
          Map.entry("MST", -420),
          Map.entry("MDT", -360),
          Map.entry("PST", -480),
          Map.entry("PDT", -420));

  private FeedDates() {}

  /** The instant {@code text} names, or null when it is not a date a reader would accept. */
  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String s = Text.fold(text);
    if (s.isEmpty()) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return iso(m);
      }
      m = RFC822.matcher(s);
      if (m.matches()) {
        return rfc822(m);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static Instant iso(Matcher m) {
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    if (m.group(4) == null) {
      return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    int nanos = 0;
    if (m.group(7) != null) {
      nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
    }
    LocalDateTime t =
        date.atTime(
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
            nanos);
    return t.toInstant(offset(m.group(8)));
  }

  private static Instant rfc822(Matcher m) {
    Integer month = PageDates.month(m.group(2).replace(".", "").toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 70 ? 2000 : 1900;
    } else if (m.group(3).length() == 3) {
      return null;
    }
    LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
    if (m.group(4) == null) {
      return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    LocalDateTime t =
        date.atTime(
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    return t.toInstant(offset(m.group(7)));
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.isEmpty()) {
      return ZoneOffset.UTC;
    }
    char sign = zone.charAt(0);
    if (sign == '+' || sign == '-') {
      String digits = zone.substring(1).replace(":", "");
      int hours = Integer.parseInt(digits.substring(0, 2));
      int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
      int total = hours * 60 + minutes;
      return ZoneOffset.ofTotalSeconds((sign == '-' ? -total : total) * 60);
    }
    Integer minutes = ZONES.get(zone.toUpperCase(Locale.ROOT));
    if (minutes == null) {
      throw new DateTimeException("unknown zone " + zone);
    }
    return ZoneOffset.ofTotalSeconds(minutes * 60);
  }
}
