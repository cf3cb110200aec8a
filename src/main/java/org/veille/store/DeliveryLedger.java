package org.veille.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsletters' delivery ledger: one line per audience, week and recipient, so that each letter
 * is sent at most once to each of its recipients.
 */
public interface DeliveryLedger {

  /** The ledger of one audience's week, by recipient. */
  Map<String, Delivery> week(String audience, String week);

  /** The ledger of the audience {@code main}'s week. */
  default Map<String, Delivery> week(String week) {
    return week("main", week);
  }

  /** Writes one line (insert or replace). */
  void record(Delivery d);

  /** The most recent week of an audience in the ledger, if any. */
  Optional<String> lastWeek(String audience);

  /** The most recent week of {@code main} in the ledger, if any. */
  default Optional<String> lastWeek() {
    return lastWeek("main");
  }

  /** The audiences that have lines in the ledger, sorted. */
  List<String> audiences();
}
