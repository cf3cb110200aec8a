package org.veille.index;

import java.util.Collection;
import java.util.Map;

/**
 * Gives the text of items for snippets, so that the index need not store it: by id, the text that
 * was indexed and the item's language. Missing ids get no snippet.
 */
@FunctionalInterface
public interface SnippetSource {
  Map<String, Text> texts(Collection<String> ids);

  /** An item's indexed text and language. */
  record Text(String text, String lang) {}

  SnippetSource NONE = ids -> Map.of();
}
