package org.veille.app;

import java.time.Duration;
import java.util.function.Consumer;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.index.Index;
import org.veille.store.Store;
import org.veille.store.WriterLock;
import org.veille.sync.IndexSync;

/**
 * Rebuilds the search index from the store into a fresh folder and swaps it in, under the writer
 * lock; searches keep working on the old index meanwhile.
 */
public final class Reindex {
  private final Context ctx;

  public Reindex(Context ctx) {
    this.ctx = ctx;
  }

  /** Hears how the rebuild goes: the number of items to index, then the running count. */
  public interface Progress {
    default void started(long total) {}

    default void indexed(long count) {}

    Progress NONE = new Progress() {};
  }

  /** What a rebuild did. */
  public record Report(long items, long indexBytes, double seconds) {}

  public Report run(Duration lockWait, Consumer<String> onWait, Progress progress)
      throws ConfigException, WriterLock.LockedException, InterruptedException {
    Config config = ctx.config();
    long t0 = System.nanoTime();
    try (WriterLock lock = ctx.lock(lockWait, onWait);
        Store store = ctx.openStoreToWrite();
        Index index = ctx.openIndex()) {
      progress.started(store.items().count());
      IndexSync sync = new IndexSync(store, index, config.topics());
      sync.rebuild(progress::indexed);
      sync.retagIfTopicsChanged();
      return new Report(index.size(), index.bytes(), (System.nanoTime() - t0) / 1e9);
    }
  }
}
