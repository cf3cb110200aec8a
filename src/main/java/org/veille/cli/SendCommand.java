package org.veille.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Newsletter;
import org.veille.config.Config;
import org.veille.digest.Period;
import org.veille.mail.SendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille send}: email the newsletter of a week, at most once per recipient. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Email the newsletter of a week (default: the last completed week) to settings.newsletter.recipients",
      "and the editor. Recipients already served are skipped; a later send delivers what is still owed."
    })
final class SendCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Week week;

  @Option(
      names = "--dry-run",
      description = "Write the messages to data/outbox/ as .eml files; send and record nothing.")
  boolean dryRun;

  @Option(
      names = "--to",
      paramLabel = "ADDR",
      description = "Send a test copy to this address only (repeatable), outside the ledger.")
  List<String> to = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    Config config = ctx.config();
    Newsletter newsletter = new Newsletter(ctx);
    if (newsletter.audience().isEmpty() && to.isEmpty()) {
      throw new UsageException(
          config.file() + ": settings.newsletter.recipients is empty; nobody to send to");
    }
    Period period = DigestCommand.period(week.week, null, null, config, ctx);
    PrintWriter out = spec.commandLine().getOut();
    SendReport report;
    Path outbox = null;
    if (!dryRun && to.isEmpty()) {
      report = newsletter.send(period, CrawlCommand.LOCK_WAIT, why -> {});
      out.printf("Newsletter %s%n", report.week());
    } else {
      Newsletter.Trial trial = dryRun ? newsletter.dryRun(period) : newsletter.testCopy(period, to);
      report = trial.report();
      outbox = trial.folder();
      out.printf("%s%s%n", trial.subject(), dryRun ? " (dry run)" : " (test copy)");
    }
    for (SendReport.Line l : report.lines()) {
      out.printf(
          "  %-40s %s%s%n",
          l.recipient(), l.outcome().label(), l.error() == null ? "" : ": " + l.error());
    }
    if (dryRun) {
      out.printf(
          "%d messages written to %s; nothing sent, nothing recorded.%n",
          report.count(SendReport.Outcome.WRITTEN), outbox);
    } else {
      out.printf(
          "%d sent, %d already sent, %d failed, %d still owed.%n",
          report.count(SendReport.Outcome.SENT),
          report.count(SendReport.Outcome.ALREADY_SENT)
              + report.count(SendReport.Outcome.INTERRUPTED_BEFORE),
          report.count(SendReport.Outcome.FAILED) + report.count(SendReport.Outcome.ALREADY_FAILED),
          report.count(SendReport.Outcome.PENDING));
    }
    if (report.incomplete()) {
      var err = spec.commandLine().getErr();
      err.println(
          "veille: the newsletter " + report.week() + " did not reach everyone in this run:");
      for (SendReport.Line l : report.lines()) {
        if (l.outcome() == SendReport.Outcome.PENDING || l.outcome() == SendReport.Outcome.FAILED) {
          err.printf(
              "  %s: %s%s%n",
              l.recipient(),
              l.error(),
              l.outcome() == SendReport.Outcome.PENDING
                  ? " (still owed; run send again)"
                  : " (refused for good)");
        }
      }
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
