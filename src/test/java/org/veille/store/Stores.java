package org.veille.store;

import java.nio.file.Path;

/** Stores in states that are hard to reach on a test machine. */
public final class Stores {
  private Stores() {}

  /**
   * The store at {@code file} on a "disk" that is full: it may not grow by a single page, as when
   * the device holding the data folder has no space left.
   */
  public static SqliteStore onFullDisk(Path file) {
    long pages;
    try (SqliteStore store = SqliteStore.open(file)) {
      pages = store.db().read("count pages", c -> Sql.queryLong(c, "PRAGMA page_count"));
    }
    SqliteStore store = SqliteStore.open(file);
    long set =
        store.db().read("limit pages", c -> Sql.queryLong(c, "PRAGMA max_page_count = " + pages));
    if (set != pages) {
      store.close();
      throw new IllegalStateException("SQLite kept max_page_count at " + set);
    }
    return store;
  }
}
