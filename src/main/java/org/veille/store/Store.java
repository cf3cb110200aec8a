package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veille.config.SourceConfig;

/**
 * The store of the watch, the source of truth. Implementations must write each {@link #saveFetch}
 * atomically: after a crash, a source's items and its fetch state are either both stored or both
 * absent.
 */
public interface Store extends AutoCloseable {

  /**
   * Makes the stored sources match the config: adds new ones, updates names, URLs and types.
   * Idempotent.
   */
  void syncSources(List<SourceConfig> sources);

  Optional<SourceState> sourceState(String id);

  /** Stores a fetch's items and the source's new state in one transaction. */
  SaveResult saveFetch(FetchRecord record);

  /** Records that a crawl run finished, for {@code stats} and {@code status}. */
  void recordCrawl(Instant at, int sources, int failed, int newItems);

  List<SourceStatus> sourceStatuses();

  /** The last crawl run recorded, if any. */
  Optional<CrawlRun> lastCrawl();

  Optional<StoredItem> item(String id);

  /** Streams matching items to {@code sink}, oldest first. */
  void forEachItem(ItemFilter filter, Consumer<StoredItem> sink);

  StoreStats stats();

  /** Streams every item with what the index needs, by id: the fast path of a rebuild. */
  void forEachIndexable(Consumer<IndexableItem> sink);

  /** The searchable text of items, by id: cheaper than {@link #items} when only text is needed. */
  java.util.Map<String, ItemText> texts(java.util.Collection<String> ids);

  /**
   * The items of a period for a digest: those published in [{@code from}, {@code to}), and those
   * first seen in it whose date is missing or implausible (more than a day after first seen, or
   * more than {@code maxAge} before); their {@code published} is then the first sighting.
   */
  List<StoredItem> itemsOfPeriod(Instant from, Instant to, java.time.Duration maxAge);

  /** The delivery ledger of a week, by recipient. */
  java.util.Map<String, Delivery> deliveries(String week);

  /** Writes one ledger line (insert or replace). */
  void recordDelivery(Delivery d);

  /** The most recent week in the ledger, if any. */
  Optional<String> lastDeliveryWeek();

  /** Items, in the order of {@code ids}; unknown ids are skipped. */
  List<StoredItem> items(java.util.Collection<String> ids);

  /** Up to {@code limit} ids of items not yet in the search index. */
  List<String> unindexedIds(int limit);

  /** Records that these items are in the search index as they are now. */
  void markIndexed(java.util.Collection<String> ids);

  /** Records that every item is in the search index (after a rebuild). */
  void markAllIndexed();

  /** How many items are in the search index. */
  long indexedCount();

  /** The topic queries items were last tagged with, by topic id. */
  java.util.Map<String, String> topicQueries();

  /**
   * Replaces every item's topics with {@code matches} (topic id → item ids), remembers {@code
   * queries} as the queries they come from, and marks the items whose topics changed for
   * re-indexing. Returns how many items changed.
   */
  int retag(
      java.util.Map<String, String> queries, java.util.Map<String, java.util.Set<String>> matches);

  @Override
  void close();
}
