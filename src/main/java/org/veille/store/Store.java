package org.veille.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The store of the watch, the source of truth, as the aggregates it holds: {@link #sources()}
 * (config mirror, fetch state and log, crawl runs), {@link #items()}, the newsletter's {@link
 * #ledger()}, the editorial {@link #drafts()} and the {@link #letters()} sent, and the {@link
 * #indexMarks()} that keep the search index in step. Implementations must write each {@link
 * #saveFetch} atomically: after a crash, a source's items and its fetch state are either both
 * stored or both absent.
 */
public interface Store extends AutoCloseable {

  SourceStore sources();

  ItemStore items();

  DeliveryLedger ledger();

  IndexMarks indexMarks();

  /** The editors' drafts of each audience's week. */
  EditorialStore drafts();

  /** The archive of the letters that were sent or approved. */
  LetterArchive letters();

  /**
   * Stores a fetch's items, the source's new state and a line of the fetch log in one transaction.
   * New and changed items are marked for indexing.
   *
   * @throws StoreException when the source is unknown (call {@link SourceStore#sync} first) or the
   *     write fails; nothing of the fetch is stored then
   */
  SaveResult saveFetch(FetchRecord record);

  /**
   * Stores several fetches as {@link #saveFetch} would, in one transaction: a crawl's writer saves
   * the sources that finished while it wrote the previous ones together, so that the pages they
   * share are written and synced once. Returns their results in order.
   *
   * @throws StoreException when any of them cannot be stored; nothing of any of them is stored then
   */
  List<SaveResult> saveFetches(List<FetchRecord> records);

  /**
   * Files the near-duplicate band keys that saves kept aside since the last call into their index,
   * in key order, in one transaction. A save appends its items' keys to a log rather than writing
   * them at random places of the index (which made every commit rewrite pages that later commits
   * rewrote again); the keys are found by the next saves all the same. A crawl calls this when it
   * ends (and before it starts, for the keys of a crawl that was stopped); saves call it themselves
   * when many keys wait. Cheap when nothing waits.
   */
  void settleClusterKeys();

  StoreStats stats();

  /**
   * Writes a consistent snapshot of the whole store to {@code target} (which must not exist), while
   * other processes may go on writing; the ledger and the sources' fetch state come with it.
   *
   * @throws StoreException when the target exists or cannot be written
   */
  Snapshot backup(Path target);

  /**
   * Adds items from elsewhere (an export of another installation) to the store under {@code
   * sourceId}, recognising those already stored by guid and canonical URL as a crawl would. The
   * source is created when the store does not know it; its fetch state is left alone.
   */
  SaveResult importItems(String sourceId, List<EnrichedItem> items, Instant at);

  /**
   * A quick integrity check, for commands that are about to write: a damaged store is reported
   * before anything is added to it.
   *
   * @throws StoreException of kind {@link StoreException.Kind#DAMAGED} naming the way out
   */
  void check();

  @Override
  void close();
}
