package org.veille.store;

/**
 * The store of the watch, the source of truth, as the aggregates it holds: {@link #sources()}
 * (config mirror, fetch state and log, crawl runs), {@link #items()}, the newsletter's {@link
 * #ledger()}, and the {@link #indexMarks()} that keep the search index in step. Implementations
 * must write each {@link #saveFetch} atomically: after a crash, a source's items and its fetch
 * state are either both stored or both absent.
 */
public interface Store extends AutoCloseable {

  SourceStore sources();

  ItemStore items();

  DeliveryLedger ledger();

  IndexMarks indexMarks();

  /**
   * Stores a fetch's items, the source's new state and a line of the fetch log in one transaction.
   * New and changed items are marked for indexing.
   *
   * @throws StoreException when the source is unknown (call {@link SourceStore#sync} first) or the
   *     write fails; nothing of the fetch is stored then
   */
  SaveResult saveFetch(FetchRecord record);

  StoreStats stats();

  @Override
  void close();
}
