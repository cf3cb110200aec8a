package org.veille.cli;

import java.nio.file.Path;
import java.util.Map;
import org.veille.app.Context;
import org.veille.wiring.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options, and the subcommands of DESIGN §3. */
@Command(
    name = "veille",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Innovation watch: collects feeds and pages, stores and searches them, and sends a weekly digest.",
    subcommands = {
      CrawlCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      DigestCommand.class,
      SendCommand.class,
      ReviewCommand.class,
      CallsCommand.class,
      DigestsCommand.class,
      DaemonCommand.class,
      StatusCommand.class,
      SourcesCommand.class,
      ExportCommand.class,
      ReindexCommand.class,
      StatsCommand.class,
      BackupCommands.Backup.class,
      BackupCommands.Restore.class,
      BackupCommands.Import.class,
      ServeCommand.class,
      CompletionCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class VeilleCommand implements Runnable {
  private final Map<String, String> env;

  @Option(
      names = "--config",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Config file (default: $VEILLE_CONFIG or ./feeds.yaml).")
  Path config;

  @Option(
      names = "--data",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data folder (default: $VEILLE_DATA or settings.data_dir).")
  Path data;

  @Option(
      names = {"-q", "--quiet"},
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print only errors and the essential result.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Log details to stderr, and stack traces of failures.")
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  VeilleCommand(Map<String, String> env) {
    this.env = env;
  }

  /** For the man page generator, which builds the commands on its own. */
  VeilleCommand() {
    this(System.getenv());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  boolean verbose() {
    return verbose;
  }

  /** The environment the command runs in (the process's, or a test's). */
  Map<String, String> env() {
    return env;
  }

  boolean quiet() {
    return quiet;
  }

  /** The context of the command being run, with logging set from the global options. */
  Context context() {
    Logging.configure(verbose, quiet);
    return Context.of(config, data, env, new Wiring());
  }
}
