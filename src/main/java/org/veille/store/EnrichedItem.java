package org.veille.store;

import java.util.List;
import org.veille.parse.ParsedItem;

/**
 * An item on its way from parse to the store: what the source published, plus what the enrichment
 * chain added to it ({@code topics}: the ids of the topics it matches, in config order). Immutable;
 * each enrichment step returns a new value.
 */
public record EnrichedItem(ParsedItem parsed, List<String> topics) {
  public EnrichedItem {
    topics = List.copyOf(topics);
  }

  /** A parsed item that nothing has enriched yet. */
  public static EnrichedItem of(ParsedItem parsed) {
    return new EnrichedItem(parsed, List.of());
  }

  public EnrichedItem withTopics(List<String> topics) {
    return new EnrichedItem(parsed, topics);
  }
}
