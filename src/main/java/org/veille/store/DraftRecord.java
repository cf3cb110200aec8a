package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One audience's draft of a week as stored: the édito (null when none), when it was approved and
 * reopened (null when not), when the editor was told it was held (null when not), the editor's
 * decisions in the order they were taken, the stable number of every item the draft has shown, and
 * the items shown at the last look.
 */
public record DraftRecord(
    String audience,
    String week,
    String edito,
    Instant approvedAt,
    Instant reopenedAt,
    Instant heldNoticeAt,
    List<Decision> decisions,
    Map<String, Integer> numbers,
    Set<String> seen) {

  public DraftRecord {
    decisions = List.copyOf(decisions);
    numbers = Map.copyOf(numbers);
    seen = Set.copyOf(seen);
  }

  /** A draft nobody has touched yet. */
  public static DraftRecord empty(String audience, String week) {
    return new DraftRecord(audience, week, null, null, null, null, List.of(), Map.of(), Set.of());
  }

  /**
   * One decision on one item: {@code kind} is pin, hide, move, title, summary or add; {@code value}
   * the topic, the text or where a pin goes (may be null).
   */
  public record Decision(String itemId, String kind, String value, Instant at) {}
}
