package org.veille.index;

import java.util.Collection;
import java.util.Map;

/**
 * Gives the text of items for snippets, so that the index need not store it: by id, exactly the
 * body that was indexed (offsets kept in the index point into it) and the item's language. Missing
 * ids get no snippet.
 */
@FunctionalInterface
public interface SnippetSource {
  Map<String, Text> texts(Collection<String> ids);

  /** An item's indexed body and its language. */
  record Text(String text, String lang) {}

  SnippetSource NONE = ids -> Map.of();
}
