package org.veille.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.veille.app.Reindex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
  @Mixin Options.Progress progressOption;
  @Mixin Options.Wait lockWait;

  @Override
  public Integer call() throws Exception {
    boolean bar = !progressOption.off && !root.quiet() && System.console() != null;
    Reindex.Report r;
    try (Bar progress = new Bar(bar)) {
      r =
          new Reindex(root.context())
              .run(
                  lockWait.or(SendCommand.LOCK_WAIT),
                  lockWait.notice(spec.commandLine().getErr(), root.quiet()),
                  progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Reindexed %d items in %.1f s (%.0f items/s); index %.1f MB.%n",
        r.items(), r.seconds(), r.items() / Math.max(r.seconds(), 1e-3), r.indexBytes() / 1e6);
    return ExitCodes.OK;
  }

  /** A progress bar on stderr, only on a terminal. */
  private static final class Bar implements Reindex.Progress, AutoCloseable {
    private final boolean enabled;
    private ProgressBar pb;
    private long total;

    Bar(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public void started(long items) {
      total = items;
      if (enabled) {
        pb =
            new ProgressBarBuilder()
                .setTaskName("Reindex")
                .setInitialMax(items)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
      }
    }

    @Override
    public void indexed(long n) {
      if (pb != null && n % 1000 == 0) {
        pb.stepTo(n);
      }
    }

    @Override
    public void close() {
      if (pb != null) {
        pb.stepTo(total);
        pb.close();
      }
    }
  }
}
