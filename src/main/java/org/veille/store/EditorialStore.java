package org.veille.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The editors' drafts: one per audience and week, with its decisions and item numbers. */
public interface EditorialStore {

  /** The draft of an audience's week, if anyone has looked at it or edited it. */
  Optional<DraftRecord> draft(String audience, String week);

  /**
   * Writes the draft's édito, dates and decisions (replacing the stored ones) in one transaction;
   * numbers and the last look are kept.
   */
  void save(DraftRecord draft);

  /**
   * Gives a number to each of {@code itemIds} that has none yet (the next free ones, in order),
   * marks exactly these items as seen at this look, and returns every number of the draft. Atomic:
   * two processes looking at once never give one number twice.
   */
  Map<String, Integer> look(String audience, String week, List<String> itemIds);

  /** Gives numbers to {@code itemIds} that have none, without changing the last look. */
  Map<String, Integer> number(String audience, String week, List<String> itemIds);
}
