package org.veille.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.config.Config;
import org.veille.digest.Period;
import org.veille.mail.MailException;
import org.veille.mail.Mailer;
import org.veille.mail.SendReport;
import org.veille.store.SqliteStore;
import picocli.CommandLine.Command;
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

  @Option(names = "--week", paramLabel = "YYYY-Www", description = "The ISO week, e.g. 2026-W47.")
  String week;

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
    AppContext ctx = root.context();
    Config config = ctx.config();
    var nl = config.settings().newsletter();
    List<String> audience = Mailer.audience(nl);
    if (audience.isEmpty() && to.isEmpty()) {
      throw new UsageException(
          config.file() + ": settings.newsletter.recipients is empty; nobody to send to");
    }
    Period period = DigestCommand.period(week, null, null, config, ctx);
    PrintWriter out = spec.commandLine().getOut();
    SendReport report;
    String subject;
    try {
      if (!dryRun && to.isEmpty()) {
        report = Operations.newsletter(ctx, period, AppContext.LOCK_WAIT, why -> {});
        subject = null;
      } else {
        try (SqliteStore store = ctx.openStore()) {
          Operations.Letters l = Operations.letters(config, store, period);
          subject = l.partners().subject();
          Mailer mailer = new Mailer(config.settings(), ctx.env(), store, ctx.clock());
          report =
              dryRun
                  ? mailer.dryRun(
                      l.partners(),
                      l.editor(),
                      audience,
                      nl.editorAddress().orElse(null),
                      ctx.dataDir().resolve("outbox"))
                  : mailer.sendTest(l.editor(), to);
        }
      }
    } catch (MailException e) {
      throw new UsageException(e.getMessage());
    }
    if (subject != null) {
      out.printf("%s%s%n", subject, dryRun ? " (dry run)" : " (test copy)");
    } else {
      out.printf("Newsletter %s%n", report.week());
    }
    for (SendReport.Line l : report.lines()) {
      out.printf(
          "  %-40s %s%s%n",
          l.recipient(), l.outcome().label(), l.error() == null ? "" : ": " + l.error());
    }
    if (dryRun) {
      out.printf(
          "%d messages written to %s; nothing sent, nothing recorded.%n",
          report.count(SendReport.Outcome.WRITTEN),
          ctx.dataDir().resolve("outbox").resolve(report.week()));
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
