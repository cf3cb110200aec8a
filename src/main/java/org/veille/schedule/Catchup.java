package org.veille.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** When a run missed while the daemon was down must be made up at start. Pure functions of time. */
public final class Catchup {
  private Catchup() {}

  private static CronExpression cron(String expr, ZoneId zone) {
    try {
      CronExpression e = new CronExpression(expr);
      e.setTimeZone(TimeZone.getTimeZone(zone));
      return e;
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "bad cron expression '" + expr + "': " + e.getMessage(), e);
    }
  }

  /** The usual time between two runs: the gap between the next two fire times. */
  public static Duration interval(String expr, ZoneId zone, Instant now) {
    CronExpression e = cron(expr, zone);
    Date a = e.getNextValidTimeAfter(Date.from(now));
    Date b = a == null ? null : e.getNextValidTimeAfter(a);
    return a == null || b == null
        ? Duration.ofDays(1)
        : Duration.between(a.toInstant(), b.toInstant());
  }

  /** A crawl is due at start when there was none, or the last is older than the crawl interval. */
  public static boolean crawlDue(
      Optional<Instant> lastCrawl, String expr, ZoneId zone, Instant now) {
    return lastCrawl.isEmpty() || lastCrawl.get().isBefore(now.minus(interval(expr, zone, now)));
  }

  /** The last time {@code expr} fired in the week before {@code now}, if it did. */
  public static Optional<Instant> lastFire(String expr, ZoneId zone, Instant now) {
    CronExpression e = cron(expr, zone);
    Instant from = now.minus(Duration.ofDays(8));
    Instant last = null;
    for (Date d = e.getNextValidTimeAfter(Date.from(from));
        d != null && !d.toInstant().isAfter(now);
        d = e.getNextValidTimeAfter(d)) {
      last = d.toInstant();
    }
    return Optional.ofNullable(last);
  }
}
