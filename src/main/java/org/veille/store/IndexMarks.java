package org.veille.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store remembers of the search index: which items it holds as they are now, and the topic
 * queries the items were tagged with. The index itself is derived and can be rebuilt.
 */
public interface IndexMarks {

  /** Up to {@code limit} ids of items not yet in the search index. */
  List<String> unindexed(int limit);

  /** Records that these items are in the search index as they are now. */
  void markIndexed(Collection<String> ids);

  /** Records that every item is in the search index (after a rebuild). */
  void markAllIndexed();

  /** How many items are in the search index. */
  long indexedCount();

  /** The topic queries items were last tagged with, by topic id. */
  Map<String, String> topicQueries();

  /**
   * Replaces every item's topics with {@code matches} (topic id → item ids), remembers {@code
   * queries} as the queries they come from, and marks the items whose topics changed for
   * re-indexing. Returns how many items changed.
   */
  int retag(Map<String, String> queries, Map<String, Set<String>> matches);
}
