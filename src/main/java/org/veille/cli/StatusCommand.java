package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.DaemonState;
import org.veille.app.Status;
import org.veille.config.Config;
import org.veille.store.CrawlRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille status}: is the daemon running, how did the last runs go, what comes next. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Daemon state, last and next runs, last newsletter, unhealthy sources.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.TextOrJson format;

  private static String letter(Status.LastLetter n) {
    return n.week()
        + ": "
        + n.sent()
        + " sent, "
        + n.failed()
        + " failed, "
        + n.pending()
        + " pending"
        + (n.unknown().isEmpty()
            ? ""
            : ", "
                + n.unknown().size()
                + " delivery unknown ("
                + String.join(", ", n.unknown())
                + ")");
  }

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    Config config = ctx.config();
    Status.Report report = new Status(ctx).read();
    Optional<DaemonState> daemon = report.daemon();
    boolean running = report.daemonRunning();
    Optional<CrawlRun> crawl = report.crawl();
    Optional<Status.LastLetter> newsletter = report.newsletter();
    List<String> unhealthy = report.unhealthy();
    Instant nextCrawl = report.nextCrawl();
    Instant nextLetter = report.nextLetter();
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      try (Json json = new Json(out)) {
        JsonGenerator g = json.gen();
        g.writeStartObject();
        g.writeObjectFieldStart("daemon");
        g.writeBooleanField("running", running);
        if (running) {
          g.writeNumberField("pid", daemon.get().pid());
        } else {
          g.writeNullField("pid");
        }
        g.writeStringField("since", running ? Times.iso(daemon.get().since()) : null);
        g.writeEndObject();
        g.writeObjectFieldStart("crawl");
        if (crawl.isPresent()) {
          g.writeObjectFieldStart("last");
          g.writeStringField("at", Times.iso(crawl.get().at()));
          g.writeStringField("outcome", crawl.get().outcome());
          g.writeNumberField("new_items", crawl.get().newItems());
          g.writeNumberField("failed_sources", crawl.get().failed());
          g.writeEndObject();
        } else {
          g.writeNullField("last");
        }
        g.writeStringField("next", Times.iso(nextCrawl));
        g.writeEndObject();
        g.writeObjectFieldStart("newsletter");
        if (newsletter.isPresent()) {
          g.writeObjectFieldStart("last");
          g.writeStringField("week", newsletter.get().week());
          g.writeNumberField("sent", newsletter.get().sent());
          g.writeNumberField("failed", newsletter.get().failed());
          g.writeNumberField("pending", newsletter.get().pending());
          if (!newsletter.get().unknown().isEmpty()) {
            g.writeNumberField("unknown", newsletter.get().unknown().size());
            json.strings("unknown_recipients", newsletter.get().unknown());
          }
          g.writeEndObject();
        } else {
          g.writeNullField("last");
        }
        g.writeStringField("next", Times.iso(nextLetter));
        g.writeEndObject();
        g.writeArrayFieldStart("newsletters");
        for (Status.AudienceLetter a : report.newsletters()) {
          g.writeStartObject();
          g.writeStringField("id", a.id());
          if (a.last().isPresent()) {
            Status.LastLetter l = a.last().get();
            g.writeObjectFieldStart("last");
            g.writeStringField("week", l.week());
            g.writeNumberField("sent", l.sent());
            g.writeNumberField("failed", l.failed());
            g.writeNumberField("pending", l.pending());
            g.writeNumberField("unknown", l.unknown().size());
            json.strings("unknown_recipients", l.unknown());
            g.writeEndObject();
          } else {
            g.writeNullField("last");
          }
          g.writeStringField("due", a.dueWeek());
          if (a.dueApproved() == null) {
            g.writeNullField("approved");
          } else {
            g.writeBooleanField("approved", a.dueApproved());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        json.strings("unhealthy_sources", unhealthy);
        g.writeEndObject();
      }
      out.println();
      return ExitCodes.OK;
    }
    ZoneId zone = config.settings().timezone();
    out.printf(
        "daemon       %s%n",
        running
            ? "running (pid "
                + daemon.get().pid()
                + ", since "
                + Times.shortTime(daemon.get().since(), zone)
                + ")"
            : "not running" + daemon.map(d -> " (last pid " + d.pid() + ")").orElse(""));
    out.printf(
        "last crawl   %s%n",
        crawl
            .map(
                c ->
                    Times.shortTime(c.at(), zone)
                        + ", "
                        + c.outcome()
                        + ", "
                        + c.newItems()
                        + " new items, "
                        + c.failed()
                        + " failed sources")
            .orElse("never"));
    daemon
        .flatMap(d -> d.job("crawl"))
        .filter(j -> j.outcome() != null && !"ok".equals(j.outcome()))
        .ifPresent(
            j ->
                out.printf("             daemon's last crawl: %s: %s%n", j.outcome(), j.summary()));
    out.printf("next crawl   %s%n", nextCrawl == null ? "-" : Times.shortTime(nextCrawl, zone));
    for (Status.AudienceLetter a : report.newsletters()) {
      String label =
          report.newsletters().size() == 1 ? "newsletter   " : String.format("%-13s", a.id());
      out.printf(
          "%s%s%s%n",
          label,
          a.last().map(StatusCommand::letter).orElse("never sent"),
          a.dueApproved() == null
              ? ""
              : "; " + a.dueWeek() + (a.dueApproved() ? " approved" : " not approved yet"));
    }
    out.printf("next letter  %s%n", nextLetter == null ? "-" : Times.shortTime(nextLetter, zone));
    out.printf(
        "unhealthy    %s%n",
        unhealthy.isEmpty()
            ? "none"
            : String.join(", ", unhealthy) + " (see 'veille sources list')");
    return ExitCodes.OK;
  }
}
