package org.veille.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The stored items, read back in full, in bulk for the index, or by period for a digest. */
public interface ItemStore {

  Optional<StoredItem> item(String id);

  /** Items, in the order of {@code ids}; unknown ids are skipped. */
  List<StoredItem> items(Collection<String> ids);

  /** Streams matching items to {@code sink}, oldest first. */
  void forEach(ItemFilter filter, Consumer<StoredItem> sink);

  /** Streams every item with what the index needs, by id: the fast path of a rebuild. */
  void forEachIndexable(Consumer<IndexableItem> sink);

  /** The searchable text of items, by id: cheaper than {@link #items} when only text is needed. */
  Map<String, ItemText> texts(Collection<String> ids);

  /**
   * The items of a period for a digest: those published in [{@code from}, {@code to}), and those
   * first seen in it whose date is missing or implausible (more than a day after first seen, or
   * more than {@code maxAge} before); their {@code published} is then the first sighting.
   */
  List<StoredItem> ofPeriod(Instant from, Instant to, Duration maxAge);

  /**
   * What is stored of {@code items} as source {@code sourceId} gives them (by its item key, else by
   * URL), in their order; empty for an item not stored yet.
   */
  List<Optional<KnownItem>> known(String sourceId, List<org.veille.parse.ParsedItem> items);

  /**
   * The article text stored for item {@code id} (status fetched, its text, HTML and validators),
   * empty when its content is not a fetched article.
   */
  Optional<FullText> article(String id);

  /** Every item that is a call for projects, in no particular order. */
  List<StoredItem> calls();

  /** How many items are stored. */
  long count();

  /** The items of near-duplicate cluster {@code cluster}, first seen first (empty: no such one). */
  List<StoredItem> cluster(String cluster);
}
