package org.veille.index;

import java.util.Collection;
import java.util.Set;

/**
 * The search index of the watch, derived from the store. Writes become visible to searches at
 * {@link #commit()}; searches see the last commit. Implementations must make {@link #upsert}
 * idempotent (one document per item id).
 */
public interface Index extends AutoCloseable {

  /**
   * Adds or replaces the documents of these items. It may return before they are written; a failure
   * to write them is then reported by the next {@link #commit()}.
   */
  void upsert(Collection<IndexDoc> docs);

  /** Makes every upsert so far durable and visible. */
  void commit();

  /**
   * Runs a search.
   *
   * @throws QuerySyntaxException when the query cannot be parsed; the message gives the position
   */
  SearchResult search(SearchRequest request, SnippetSource texts) throws QuerySyntaxException;

  /** Ids of every item matching {@code query} (for re-tagging topics). */
  Set<String> matchingIds(String query) throws QuerySyntaxException;

  /**
   * Builds a fresh index from the documents {@code docs} pushes, with {@code threads} indexing
   * threads, then swaps it in; searches use the old one until the swap. {@code onDoc} runs once per
   * document indexed.
   */
  void rebuild(
      java.util.function.Consumer<java.util.function.Consumer<IndexDoc>> docs,
      int threads,
      Runnable onDoc);

  /** Number of documents as of the last commit. */
  long size();

  /** Bytes on disk. */
  long bytes();

  @Override
  void close();
}
