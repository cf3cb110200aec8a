package org.veille.crawl;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Topic;
import org.veille.index.Index;
import org.veille.index.IndexDoc;
import org.veille.index.LuceneIndex;
import org.veille.index.QuerySyntaxException;
import org.veille.index.SnippetSource;
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
  private final Index index;
  private final List<Topic> topics;
  private final Set<String> pending = new LinkedHashSet<>();

  public IndexSync(Store store, Index index, List<Topic> topics) {
    this.store = store;
    this.index = index;
    this.topics = List.copyOf(topics);
  }

  /** The index document of a stored item. */
  public static IndexDoc doc(StoredItem i) {
    return new IndexDoc(
        i.id(),
        i.title(),
        body(i.summary(), i.content()),
        i.lang(),
        i.author(),
        i.sources(),
        i.topics(),
        i.published());
  }

  /**
   * The indexed body of an item: summary and content. A summary that is the opening of the content
   * (feeds often excerpt it) is not repeated, so its words are not counted twice.
   */
  public static String body(String summary, String content) {
    if (content.isEmpty() || content.equals(summary)) {
      return summary;
    }
    String lead = TRAILING_ELLIPSIS.matcher(summary).replaceFirst("");
    return summary.isEmpty() || content.startsWith(lead) ? content : summary + "\n" + content;
  }

  private static final java.util.regex.Pattern TRAILING_ELLIPSIS =
      java.util.regex.Pattern.compile("\\s*(\\[…]|\\[\\.\\.\\.]|…|\\.\\.\\.)$");

  /** Snippet texts read from the store: exactly the indexed text, whose offsets the index keeps. */
  public static SnippetSource snippets(Store store) {
    return ids -> {
      Map<String, SnippetSource.Text> out = new LinkedHashMap<>();
      for (var t : store.texts(ids).values()) {
        out.put(t.id(), new SnippetSource.Text(body(t.summary(), t.content()), t.lang()));
      }
      return out;
    };
  }

  /** Indexes these items now (not yet committed). */
  public void add(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    index.upsert(store.items(ids).stream().map(IndexSync::doc).toList());
    pending.addAll(ids);
  }

  /** Commits the index, then records the items as indexed. */
  public void commit() {
    index.commit();
    if (!pending.isEmpty()) {
      store.markIndexed(pending);
      pending.clear();
    }
  }

  /** Indexes every item the store has not seen indexed (after a crash, say). Returns how many. */
  public int catchUp() {
    int total = 0;
    for (List<String> ids = store.unindexedIds(BATCH);
        !ids.isEmpty();
        ids = store.unindexedIds(BATCH)) {
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
   * re-indexes those whose topics changed. Returns how many items changed.
   */
  public int retagIfTopicsChanged() throws QuerySyntaxException {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (Topic t : topics) {
      wanted.put(t.id(), t.query());
    }
    if (new java.util.TreeMap<>(wanted).equals(new java.util.TreeMap<>(store.topicQueries()))) {
      return 0;
    }
    catchUp();
    Map<String, Set<String>> matches = new LinkedHashMap<>();
    for (Topic t : topics) {
      matches.put(t.id(), index.matchingIds(t.query()));
    }
    int changed = store.retag(wanted, matches);
    catchUp();
    log.info("topics changed in the config: {} items re-tagged", changed);
    return changed;
  }

  /**
   * Rebuilds the index from the store into a fresh folder and swaps it in; searches keep using the
   * old one meanwhile. {@code onItem} hears the running count of items indexed.
   */
  public void rebuild(LuceneIndex lucene, LongConsumer onItem) {
    java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
    lucene.rebuild(
        sink ->
            store.forEachIndexable(
                i ->
                    sink.accept(
                        new IndexDoc(
                            i.id(),
                            i.title(),
                            body(i.summary(), i.content()),
                            i.lang(),
                            i.author(),
                            i.sources(),
                            i.topics(),
                            i.published()))),
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        () -> onItem.accept(n.incrementAndGet()));
    store.markAllIndexed();
    pending.clear();
  }
}
