package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veille.config.SourceConfig;

/**
 * The store of the watch, the source of truth. Implementations must write each {@link
 * #saveFetch} atomically: after a crash, a source's items and its fetch state are either both
 * stored or both absent.
 */
public interface Store extends AutoCloseable {

  /** Makes the stored sources match the config: adds new ones, updates names, URLs and types. Idempotent. */
  void syncSources(List<SourceConfig> sources);

  Optional<SourceState> sourceState(String id);

  /** Stores a fetch's items and the source's new state in one transaction. */
  SaveResult saveFetch(FetchRecord record);

  /** Records that a crawl run finished, for {@code stats} and {@code status}. */
  void recordCrawl(Instant at, int sources, int failed, int newItems);

  List<SourceStatus> sourceStatuses();

  Optional<StoredItem> item(String id);

  /** Streams matching items to {@code sink}, oldest first. */
  void forEachItem(ItemFilter filter, Consumer<StoredItem> sink);

  StoreStats stats();

  @Override
  void close();
}
