package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An item as stored: the fields of {@code show --format json}. {@code url}, {@code guid}, {@code
 * updated} and {@code author} may be null; {@code published} is the feed's date or, without one,
 * the first time the item was seen. {@code sources} lists every source that carried it, the first
 * (which gave title and summary) first.
 */
public record StoredItem(
    String id,
    String title,
    String url,
    String source,
    List<String> sources,
    Instant published,
    String lang,
    List<String> topics,
    String guid,
    Instant updated,
    String author,
    String summary,
    String content,
    Instant firstSeen,
    List<String> categories) {

  public StoredItem {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    categories = List.copyOf(categories);
  }

  public Optional<String> link() {
    return Optional.ofNullable(url);
  }

  /** What the search index needs of this item. */
  public IndexableItem indexable() {
    return new IndexableItem(id, title, summary, content, lang, author, published, sources, topics);
  }
}
