package org.veille.store;

import java.util.Map;
import java.util.Optional;

/**
 * The newsletter's delivery ledger: one line per week and recipient, so that a letter is sent at
 * most once to each.
 */
public interface DeliveryLedger {

  /** The ledger of a week, by recipient. */
  Map<String, Delivery> week(String week);

  /** Writes one line (insert or replace). */
  void record(Delivery d);

  /** The most recent week in the ledger, if any. */
  Optional<String> lastWeek();
}
