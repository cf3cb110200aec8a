package org.veille.index;

import java.util.Collection;
import java.util.Map;

/**
 * Gives the text of items for snippets, so that the index need not store it: by id, exactly the
 * text that was indexed (offsets kept in the index point into it), the item's language, and the
 * length of the title at its start. Missing ids get no snippet.
 */
@FunctionalInterface
public interface SnippetSource {
  Map<String, Text> texts(Collection<String> ids);

  /** An item's indexed text, its language, and how many leading characters are the title. */
  record Text(String text, String lang, int titleLength) {}

  SnippetSource NONE = ids -> Map.of();
}
