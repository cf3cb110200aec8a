package org.veille.sync;

import org.veille.index.IndexDoc;
import org.veille.index.SnippetSource;
import org.veille.store.IndexableItem;
import org.veille.store.ItemStore;

/** From stored items to what the index holds, and back to the texts its snippets come from. */
public final class Documents {
  private Documents() {}

  /** The index document of a stored item. */
  public static IndexDoc of(IndexableItem i) {
    return IndexDoc.of(
            i.id(),
            i.title(),
            i.summary(),
            i.content(),
            i.lang(),
            i.author(),
            i.sources(),
            i.topics(),
            i.published())
        .withPlaces(i.places())
        .withCall(i.call())
        .withCluster(i.cluster());
  }

  /** Snippet texts read from the store: exactly the indexed body, whose offsets the index keeps. */
  public static SnippetSource snippets(ItemStore items) {
    return ids -> {
      java.util.Map<String, SnippetSource.Text> out = new java.util.LinkedHashMap<>();
      for (var t : items.texts(ids).values()) {
        out.put(t.id(), new SnippetSource.Text(IndexDoc.body(t.summary(), t.content()), t.lang()));
      }
      return out;
    };
  }
}
