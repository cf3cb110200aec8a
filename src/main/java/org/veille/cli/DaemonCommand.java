package org.veille.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.schedule.DaemonJobs;
import org.veille.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code veille daemon}: crawls and sends the newsletter on the schedules of {@code
 * settings.schedule} until stopped.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Run the schedules of settings.schedule (crawl and newsletter) until stopped by SIGTERM or Ctrl-C.",
      "Takes the writer lock only while a job runs, so a crawl from cron or by hand can run in between.",
      "With --serve, the web interface runs in the same process (one JVM on a small server)."
    })
final class DaemonCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "Append the daemon's log to FILE instead of stderr.")
  Path logFile;

  @Option(
      names = "--catch-up",
      description =
          "Also send a newsletter whose scheduled run came before the daemon's first start in this"
              + " data folder (by default a new installation does not mail last week's letter).")
  boolean catchUp;

  @Option(
      names = "--serve",
      description =
          "Also serve the web interface from this process (as 'veille serve': --port, --bind,"
              + " --password-env).")
  boolean serve;

  @Mixin Options.Listen listen;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    DaemonJobs jobs =
        new DaemonJobs(ctx, catchUp); // the config must be valid before the daemon starts
    if (!serve && listen.changed()) {
      throw new UsageException("--port, --bind and --password-env go with --serve");
    }
    Optional<String> password = serve ? listen.password(ctx) : null;
    Logging.daemon(logFile, root.quiet(), ctx.config().settings().timezone());
    if (!serve) {
      jobs.runUntilStopped();
      return ExitCodes.OK;
    }
    try (WebServer server = WebServer.start(ctx, listen.bind, listen.port, password)) {
      jobs.runUntilStopped();
    }
    return ExitCodes.OK;
  }
}
