package org.veille.schedule;

import java.text.ParseException;
import java.util.Optional;
import org.quartz.CronExpression;

/** The scheduler's judgement of a cron expression, for the config loader. */
public final class Cron {
  private Cron() {}

  /** What is wrong with {@code expr} as a Quartz cron expression, or empty when it is valid. */
  public static Optional<String> problem(String expr) {
    try {
      new CronExpression(expr);
      return Optional.empty();
    } catch (ParseException e) {
      return Optional.of(
          "bad cron expression '"
              + expr
              + "': "
              + e.getMessage()
              + " (Quartz syntax: seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 8 ? * MON\")");
    }
  }
}
