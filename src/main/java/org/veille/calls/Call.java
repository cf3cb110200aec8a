package org.veille.calls;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an item says as a call for projects. {@code kind} is null when the item is not a call (see
 * {@link CallDetector#KINDS}); {@code deadline} is the next date an applicant must meet, {@code
 * time} its hour when given and {@code zone} the time zone the text names (an id such as {@code
 * Europe/Brussels}, or null); {@code finalDeadline} is the last date of a two-stage or multi-wave
 * call (null when there is only one). {@code rolling} is true for a call read as applications come
 * ("au fil de l'eau", "rolling basis") that gives no deadline.
 */
public record Call(
    String kind,
    LocalDate deadline,
    LocalTime time,
    LocalDate finalDeadline,
    String zone,
    boolean rolling) {

  /** Not a call. */
  public static final Call NONE = new Call(null, null, null, null, null, false);

  /** The zone a deadline is read in when the text names none. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

  public Call {
    if (kind == null && (deadline != null || rolling)) {
      throw new IllegalArgumentException("a deadline belongs to a call");
    }
    if (deadline == null && (time != null || finalDeadline != null)) {
      throw new IllegalArgumentException("a time or a final date needs a deadline");
    }
  }

  /** A call with no date found. */
  public static Call of(String kind) {
    return new Call(kind, null, null, null, null, false);
  }

  public boolean isCall() {
    return kind != null;
  }

  public Optional<LocalDate> nextDeadline() {
    return Optional.ofNullable(deadline);
  }

  /** The last day one may still apply: the final date of a staged call, or its deadline. */
  public Optional<LocalDate> lastDay() {
    return Optional.ofNullable(finalDeadline != null ? finalDeadline : deadline);
  }

  /** The zone of the deadline's time: the one the text names, or {@link #DEFAULT_ZONE}. */
  public ZoneId zoneId() {
    if (zone == null) {
      return DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      return DEFAULT_ZONE;
    }
  }

  /** The same call with another kind (a source marked {@code kind: calls}, say). */
  public Call withKind(String kind) {
    return new Call(kind, deadline, time, finalDeadline, zone, rolling);
  }
}
