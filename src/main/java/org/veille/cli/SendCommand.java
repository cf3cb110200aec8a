package org.veille.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Newsletter;
import org.veille.config.Audience;
import org.veille.config.Config;
import org.veille.digest.Period;
import org.veille.mail.SendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille send}: email each newsletter of a week, at most once per recipient. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Email the newsletters of a week (default: the last completed week) to their recipients and",
      "editor: every audience of feeds.yaml, or the one of --newsletter. Recipients already served",
      "are skipped; a later send delivers what is still owed. With review: true, only an approved",
      "week goes out, exactly as approved."
    })
final class SendCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Week week;
  @Mixin Options.Wait lockWait;

  /** How long a send waits for a crawl to finish: the letter must not wait a week for it. */
  static final java.time.Duration LOCK_WAIT = java.time.Duration.ofMinutes(30);

  @Option(
      names = "--newsletter",
      paramLabel = "ID",
      description = "Only this newsletter (an id of newsletters:, or main).")
  String newsletter;

  @Option(
      names = "--dry-run",
      description = "Write the messages to data/outbox/ as .eml files; send and record nothing.")
  boolean dryRun;

  @Option(
      names = "--to",
      paramLabel = "ADDR",
      description = "Send a test copy to this address only (repeatable), outside the ledger.")
  List<String> to = new ArrayList<>();

  @Option(
      names = "--resend-unknown",
      description = {
        "Send again to the recipients whose delivery is unknown (a send stopped during their SMTP",
        "exchange): they may get the letter twice. Without it they are only named."
      })
  boolean resendUnknown;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    Config config = ctx.config();
    Newsletter letters = new Newsletter(ctx);
    if (newsletter == null
        && to.isEmpty()
        && config.newsletters().size() == 1
        && letters.audience().isEmpty()) {
      throw new UsageException(
          config.file() + ": settings.newsletter.recipients is empty; nobody to send to");
    }
    Period period = DigestCommand.period(week.week, null, null, config, ctx);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!to.isEmpty()) {
      Newsletter.Trial trial = letters.testCopy(period, newsletter, to);
      out.printf("%s (test copy)%n", trial.subject());
      SendReport report = trial.report();
      lines(out, report);
      out.printf(
          "%d sent, %d failed; a test copy is outside the ledger: nothing recorded, nobody owed.%n",
          report.count(SendReport.Outcome.SENT),
          report.count(SendReport.Outcome.FAILED) + report.count(SendReport.Outcome.PENDING));
      if (report.incomplete()) {
        err.println(
            "veille: the test copy of "
                + report.week()
                + " did not go out (outside the ledger: nothing recorded; try --to again):");
        for (SendReport.Line l : report.lines()) {
          if (l.outcome() == SendReport.Outcome.PENDING
              || l.outcome() == SendReport.Outcome.FAILED) {
            err.printf("  %s: %s%n", l.recipient(), l.error());
          }
        }
        err.flush();
      }
      return report.incomplete() ? ExitCodes.FAILURE : ExitCodes.OK;
    }
    if (dryRun) {
      for (Newsletter.Trial trial : letters.dryRun(period, newsletter)) {
        out.printf("%s (dry run, newsletter %s)%n", trial.subject(), trial.audience().id());
        lines(out, trial.report());
        notes(err, trial.audience(), trial.notes());
        out.printf(
            "%d messages written to %s; nothing sent, nothing recorded.%n",
            trial.report().count(SendReport.Outcome.WRITTEN), trial.folder());
      }
      return ExitCodes.OK;
    }
    boolean complete = true;
    for (Newsletter.Run run :
        letters.send(
            period,
            newsletter,
            lockWait.or(LOCK_WAIT),
            lockWait.notice(spec.commandLine().getErr(), root.quiet()),
            resendUnknown,
            false)) {
      complete &= run.complete() && run.outcome() != Newsletter.Outcome.HELD;
      report(out, err, run);
    }
    return complete ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static void report(PrintWriter out, PrintWriter err, Newsletter.Run run) {
    String name = run.audience().id();
    out.printf("Newsletter %s %s%n", name, run.week());
    notes(err, run.audience(), run.notes());
    if (run.outcome() != Newsletter.Outcome.SENT) {
      out.printf(
          "  %s%n",
          run.outcome() == Newsletter.Outcome.HELD
              ? "held: not approved, nothing sent"
              : "no letter this week");
      if (run.outcome() == Newsletter.Outcome.HELD) {
        err.printf(
            "veille: newsletter %s %s is not approved; nothing was sent.%n", name, run.week());
      }
      return;
    }
    SendReport report = run.report();
    lines(out, report);
    out.printf(
        "%d sent, %d already sent, %d failed, %d still owed.%n",
        report.count(SendReport.Outcome.SENT),
        report.count(SendReport.Outcome.ALREADY_SENT),
        report.count(SendReport.Outcome.FAILED) + report.count(SendReport.Outcome.ALREADY_FAILED),
        report.count(SendReport.Outcome.PENDING));
    if (!report.unknown().isEmpty()) {
      out.printf(
          "%d delivery unknown: %s%n",
          report.unknown().size(), String.join(", ", report.unknown()));
    }
    if (!report.incomplete()) {
      return;
    }
    err.println(
        "veille: the newsletter "
            + (name.equals(Audience.MAIN) ? "" : name + " ")
            + report.week()
            + " did not reach everyone in this run:");
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
    List<String> unknown = report.unknown();
    if (!unknown.isEmpty()) {
      err.printf(
          "  delivery unknown for %d: %s%n"
              + "    a send stopped during the SMTP exchange: they may or may not have the letter."
              + "%n    Ask them, or run 'veille send --resend-unknown' to send it again on purpose.%n",
          unknown.size(), String.join(", ", unknown));
    }
  }

  private static void lines(PrintWriter out, SendReport report) {
    for (SendReport.Line l : report.lines()) {
      out.printf(
          "  %-40s %s%s%n",
          l.recipient(), l.outcome().label(), l.error() == null ? "" : ": " + l.error());
    }
  }

  private static void notes(PrintWriter err, Audience a, List<String> notes) {
    for (String n : notes) {
      err.printf("veille: newsletter %s: %s%n", a.id(), n);
    }
  }
}
