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

  /** How many items are stored. */
  long count();
}
