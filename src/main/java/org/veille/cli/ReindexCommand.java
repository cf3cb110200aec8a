package org.veille.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.veille.crawl.IndexSync;
import org.veille.index.LuceneIndex;
import org.veille.store.SqliteStore;
import org.veille.store.WriterLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code veille reindex}: rebuilds the search index from the store; search keeps working meanwhile.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = "Rebuild the search index from the store into a fresh folder, then swap it in.")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    AppContext ctx = root.context();
    var config = ctx.config();
    ctx.tagger(); // topic queries must parse before anything is rebuilt
    long t0 = System.nanoTime();
    long items;
    long bytes;
    try (WriterLock lock = ctx.writerLock();
        SqliteStore store = ctx.openStore();
        LuceneIndex index = ctx.openIndex()) {
      long total = store.stats().items();
      boolean bar = !noProgress && !root.quiet() && System.console() != null;
      IndexSync sync = new IndexSync(store, index, config.topics());
      try (ProgressBar pb =
          bar
              ? new ProgressBarBuilder()
                  .setTaskName("Reindex")
                  .setInitialMax(total)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new ConsoleProgressBarConsumer(System.err))
                  .build()
              : null) {
        sync.rebuild(
            index,
            n -> {
              if (pb != null && n % 1000 == 0) {
                pb.stepTo(n);
              }
            });
        if (pb != null) {
          pb.stepTo(total);
        }
      }
      sync.retagIfTopicsChanged();
      items = index.size();
      bytes = index.bytes();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Reindexed %d items in %.1f s (%.0f items/s); index %.1f MB.%n",
        items, s, items / Math.max(s, 1e-3), bytes / 1e6);
    return ExitCodes.OK;
  }
}
