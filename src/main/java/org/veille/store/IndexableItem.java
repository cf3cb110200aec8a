package org.veille.store;

import java.time.Instant;
import java.util.List;

/**
 * What the search index needs of an item, read in bulk for a rebuild. {@code author} may be null;
 * {@code published} is the item's date or its first sighting.
 */
public record IndexableItem(
    String id,
    String title,
    String summary,
    String content,
    String lang,
    String author,
    Instant published,
    List<String> sources,
    List<String> topics) {

  public IndexableItem {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
  }
}
