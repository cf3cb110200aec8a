package org.veille.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Topic;
import org.veille.index.Index;
import org.veille.index.IndexDamagedException;
import org.veille.index.QuerySyntaxException;
import org.veille.store.IndexMarks;
import org.veille.store.Store;
import org.veille.store.StoredItem;

/**
 * Keeps the index in step with the store. The store marks every new or changed item as not indexed;
 * this class indexes such items, commits the index, and only then marks them indexed, so that a
 * crash between the two commits is repaired by the next {@link #catchUp}. It also re-tags every
 * item when a topic's query changed in feeds.yaml. Used on one writer thread.
 */
public final class IndexSync {
  private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
  private static final int BATCH = 2000;

  private final Store store;
  private final IndexMarks marks;
  private final Index index;
  private final List<Topic> topics;
  private final Set<String> pending = new LinkedHashSet<>();

  public IndexSync(Store store, Index index, List<Topic> topics) {
    this.store = store;
    this.marks = store.indexMarks();
    this.index = index;
    this.topics = List.copyOf(topics);
  }

  /** Indexes these items now (not yet committed). */
  public void add(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    index.upsert(
        store.items().items(ids).stream().map(StoredItem::indexable).map(Documents::of).toList());
    pending.addAll(ids);
  }

  /** Commits the index, then records the items as indexed. */
  public void commit() {
    index.commit();
    if (!pending.isEmpty()) {
      marks.markIndexed(pending);
      pending.clear();
    }
  }

  /**
   * Rebuilds the index from the store when it holds fewer items than the store has seen indexed:
   * its folder was deleted, or it is damaged. A crawl calls this first, so that search works again
   * after it without anyone running {@code reindex}. Returns whether it rebuilt.
   */
  public boolean rebuildIfIncomplete() {
    long marked = marks.indexedCount();
    String why;
    try {
      long held = index.size();
      if (held >= marked) {
        return false;
      }
      why = "it holds " + held + " of the " + marked + " items stored as indexed";
    } catch (IndexDamagedException e) {
      why = e.getCause().getMessage();
    }
    log.warn("the search index is incomplete or damaged ({}): rebuilding it from the store", why);
    rebuild(n -> {});
    return true;
  }

  /** Indexes every item the store has not seen indexed (after a crash, say). Returns how many. */
  public int catchUp() {
    int total = 0;
    for (List<String> ids = marks.unindexed(BATCH); !ids.isEmpty(); ids = marks.unindexed(BATCH)) {
      add(ids);
      commit();
      total += ids.size();
    }
    if (total > 0) {
      log.info("indexed {} items that were stored but not yet indexed", total);
    }
    return total;
  }

  /**
   * Re-tags every item if the topic queries differ from those the items were tagged with, and
   * re-indexes those whose topics changed. Returns how many items changed. Topic queries must have
   * been checked (the config loader does it).
   */
  public int retagIfTopicsChanged() {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (Topic t : topics) {
      wanted.put(t.id(), t.query());
    }
    if (new TreeMap<>(wanted).equals(new TreeMap<>(marks.topicQueries()))) {
      return 0;
    }
    catchUp();
    Map<String, Set<String>> matches = new LinkedHashMap<>();
    for (Topic t : topics) {
      try {
        matches.put(t.id(), index.matchingIds(t.query()));
      } catch (QuerySyntaxException e) {
        throw new IllegalStateException("topic " + t.id() + ": unchecked query", e);
      }
    }
    int changed = marks.retag(wanted, matches);
    catchUp();
    log.info("topics changed in the config: {} items re-tagged", changed);
    return changed;
  }

  /**
   * Rebuilds the index from the store into a fresh folder and swaps it in; searches keep using the
   * old one meanwhile. {@code onItem} hears the running count of items indexed.
   */
  public void rebuild(LongConsumer onItem) {
    AtomicLong n = new AtomicLong();
    index.rebuild(
        sink -> store.items().forEachIndexable(i -> sink.accept(Documents.of(i))),
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        () -> onItem.accept(n.incrementAndGet()));
    marks.markAllIndexed();
    pending.clear();
  }
}
