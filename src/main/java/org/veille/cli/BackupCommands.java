package org.veille.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.veille.app.Backups;
import org.veille.store.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille backup}, {@code restore} and {@code import}. */
final class BackupCommands {
  private BackupCommands() {}

  /** {@code veille backup FILE}: a consistent snapshot of the whole store. */
  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Write a consistent snapshot of the whole store to FILE, while crawls may run: items with"
            + " their HTML, sources with their fetch state, the delivery ledger.",
        "Restore it with `veille restore FILE`."
      })
  static final class Backup implements Callable<Integer> {
    @ParentCommand VeilleCommand root;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file to write (must not exist).")
    Path file;

    @Override
    public Integer call() throws Exception {
      Snapshot s = new Backups(root.context()).backup(file);
      spec.commandLine().getOut().printf("Backup %s: %s.%n", s.file(), s.summary());
      return ExitCodes.OK;
    }
  }

  /** {@code veille restore FILE}: a backup put back into an empty data folder. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a backup made by `veille backup` into an empty data folder (--data DIR, or the"
            + " configured one), check it, and rebuild the search index from it.",
        "Letters already sent stay sent: the delivery ledger comes back with the items."
      })
  static final class Restore implements Callable<Integer> {
    @ParentCommand VeilleCommand root;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(
        names = "--force",
        description =
            "Restore into a folder that holds a store: its store and index are moved into"
                + " replaced-TIME/ inside it, not deleted.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      Backups.Restored r = new Backups(root.context()).restore(file, force);
      spec.commandLine()
          .getOut()
          .printf(
              "Restored %s into %s: %s; search index rebuilt (%d items) in %.1f s.%n",
              r.snapshot().file(), r.dataDir(), r.snapshot().summary(), r.indexed(), r.seconds());
      return ExitCodes.OK;
    }
  }

  /** {@code veille import FILE.jsonl}: the items of an export merged into the store. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Merge the items of an export (`veille export`, JSON lines) into the store, as a crawl"
            + " would: an item already stored, by guid or canonical URL, is not duplicated.",
        "For moving items between installations; a backup keeps more (see `veille backup`)."
      })
  static final class Import implements Callable<Integer> {
    /** An import waits for a crawl as a crawl waits for another. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    @ParentCommand VeilleCommand root;
    @Spec CommandSpec spec;
    @Mixin Options.Wait lockWait;

    @Parameters(paramLabel = "FILE.jsonl", description = "An export in JSON lines.")
    Path file;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      Backups.Imported r =
          new Backups(root.context())
              .importExport(file, lockWait.or(LOCK_WAIT), lockWait.notice(err, root.quiet()));
      for (Backups.Rejected x : r.rejected()) {
        err.printf("veille: %s:%d: skipped: %s%n", file, x.line(), x.problem());
      }
      err.flush();
      spec.commandLine()
          .getOut()
          .printf(
              "Imported %s: %d new, %d updated, %d lines skipped.%n",
              file, r.added(), r.updated(), r.rejected().size());
      return r.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
