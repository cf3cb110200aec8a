package org.veille.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.schedule.DaemonJobs;
import picocli.CommandLine.Command;
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
      "Takes the writer lock only while a job runs, so a crawl from cron or by hand can run in between."
    })
final class DaemonCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "Append the daemon's log to FILE instead of stderr.")
  Path logFile;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    DaemonJobs jobs = new DaemonJobs(ctx); // the config must be valid before the daemon starts
    Logging.daemon(logFile, root.quiet());
    jobs.runUntilStopped();
    return ExitCodes.OK;
  }
}
