package org.veille.index;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows of an item. {@code body} is summary and content together; {@code author} may
 * be null; {@code published} is the item's date or, without one, its first sighting.
 */
public record IndexDoc(
    String id,
    String title,
    String body,
    String lang,
    String author,
    List<String> sources,
    List<String> topics,
    Instant published) {

  public IndexDoc {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
  }
}
