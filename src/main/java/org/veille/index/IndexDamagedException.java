package org.veille.index;

import java.nio.file.Path;

/**
 * The search index cannot be read: its files are damaged or missing. The store is intact, so the
 * way out is always the same: rebuild the index from it.
 */
public final class IndexDamagedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexDamagedException(Path dir, Throwable cause) {
    super(
        "the search index "
            + dir
            + " is damaged ("
            + cause.getMessage()
            + "); run `veille reindex` to rebuild it from the store (nothing stored is lost)",
        cause);
  }
}
