package org.veille.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How times are printed, in one place: ISO for machines, short local times for people. */
final class Times {
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

  private Times() {}

  /** UTC ISO-8601 to the second, or null. */
  static String iso(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 2026-11-23 08:00} in {@code zone}, or "-". */
  static String shortTime(Instant t, ZoneId zone) {
    return t == null ? "-" : SHORT.format(t.atZone(zone));
  }

  /** {@code 2026-11-23} in {@code zone}. */
  static String day(Instant t, ZoneId zone) {
    return DAY.format(t.atZone(zone));
  }

  /** {@code 2026-11-23 08:00 CET} in {@code zone}. */
  static String full(Instant t, ZoneId zone) {
    return FULL.format(t.atZone(zone));
  }
}
