package org.veille.app;

import java.nio.file.Path;
import java.time.Instant;
import org.veille.config.ConfigException;
import org.veille.index.Index;
import org.veille.store.Store;
import org.veille.store.StoreStats;

/** Counts and sizes of a data folder. */
public final class Stats {
  private final Context ctx;

  public Stats(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * What {@code veille stats} reports. {@code indexed} counts items the store knows indexed and the
   * index holds; {@code lastCrawl} may be null.
   */
  public record Report(
      long items,
      long indexed,
      long dbBytes,
      long indexBytes,
      Instant lastCrawl,
      Path store,
      Path index) {}

  public Report read() throws ConfigException {
    try (Store store = ctx.openStore();
        Index index = ctx.openIndex()) {
      StoreStats s = store.stats();
      return new Report(
          s.items(),
          Math.min(store.indexMarks().indexedCount(), index.size()),
          s.dbBytes(),
          index.bytes(),
          s.lastCrawl(),
          ctx.dataDir().resolve("veille.db"),
          ctx.dataDir().resolve("index"));
    }
  }
}
