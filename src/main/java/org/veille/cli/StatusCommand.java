package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veille.config.Config;
import org.veille.schedule.DaemonState;
import org.veille.store.CrawlRun;
import org.veille.store.Delivery;
import org.veille.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  CrawlCommand.Format format;

  private record Newsletter(String week, long sent, long failed, long pending) {}

  @Override
  public Integer call() throws Exception {
    AppContext ctx = root.context();
    Config config = ctx.config();
    Optional<DaemonState> daemon = DaemonState.read(ctx.dataDir().resolve("daemon.json"));
    boolean running = daemon.map(DaemonState::running).orElse(false);
    Optional<CrawlRun> crawl;
    Optional<Newsletter> newsletter;
    List<String> unhealthy;
    try (SqliteStore store = ctx.openStore()) {
      crawl = store.lastCrawl();
      newsletter =
          store
              .lastDeliveryWeek()
              .map(
                  w -> {
                    Map<String, Delivery> ledger = store.deliveries(w);
                    return new Newsletter(
                        w,
                        count(ledger, Delivery.Status.SENT),
                        count(ledger, Delivery.Status.FAILED),
                        count(ledger, Delivery.Status.PENDING));
                  });
      unhealthy =
          store.sourceStatuses().stream()
              .filter(
                  s -> config.source(s.id()).map(c -> c.enabled()).orElse(false) && !s.healthy())
              .map(s -> s.id())
              .toList();
    }
    Instant nextCrawl =
        running
            ? daemon.flatMap(d -> d.job("crawl")).map(DaemonState.JobState::next).orElse(null)
            : null;
    Instant nextLetter =
        running
            ? daemon.flatMap(d -> d.job("newsletter")).map(DaemonState.JobState::next).orElse(null)
            : null;
    PrintWriter out = spec.commandLine().getOut();
    if (format == CrawlCommand.Format.json) {
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
        g.writeStringField("since", running ? Json.time(daemon.get().since()) : null);
        g.writeEndObject();
        g.writeObjectFieldStart("crawl");
        if (crawl.isPresent()) {
          g.writeObjectFieldStart("last");
          g.writeStringField("at", Json.time(crawl.get().at()));
          g.writeStringField("outcome", crawl.get().outcome());
          g.writeNumberField("new_items", crawl.get().newItems());
          g.writeNumberField("failed_sources", crawl.get().failed());
          g.writeEndObject();
        } else {
          g.writeNullField("last");
        }
        g.writeStringField("next", Json.time(nextCrawl));
        g.writeEndObject();
        g.writeObjectFieldStart("newsletter");
        if (newsletter.isPresent()) {
          g.writeObjectFieldStart("last");
          g.writeStringField("week", newsletter.get().week());
          g.writeNumberField("sent", newsletter.get().sent());
          g.writeNumberField("failed", newsletter.get().failed());
          g.writeNumberField("pending", newsletter.get().pending());
          g.writeEndObject();
        } else {
          g.writeNullField("last");
        }
        g.writeStringField("next", Json.time(nextLetter));
        g.writeEndObject();
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
                + SourcesCommand.shortTime(daemon.get().since(), zone)
                + ")"
            : "not running" + daemon.map(d -> " (last pid " + d.pid() + ")").orElse(""));
    out.printf(
        "last crawl   %s%n",
        crawl
            .map(
                c ->
                    SourcesCommand.shortTime(c.at(), zone)
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
    out.printf(
        "next crawl   %s%n", nextCrawl == null ? "-" : SourcesCommand.shortTime(nextCrawl, zone));
    out.printf(
        "newsletter   %s%n",
        newsletter
            .map(
                n ->
                    n.week()
                        + ": "
                        + n.sent()
                        + " sent, "
                        + n.failed()
                        + " failed, "
                        + n.pending()
                        + " pending")
            .orElse("never sent"));
    out.printf(
        "next letter  %s%n", nextLetter == null ? "-" : SourcesCommand.shortTime(nextLetter, zone));
    out.printf(
        "unhealthy    %s%n",
        unhealthy.isEmpty()
            ? "none"
            : String.join(", ", unhealthy) + " (see 'veille sources list')");
    return ExitCodes.OK;
  }

  private static long count(Map<String, Delivery> ledger, Delivery.Status s) {
    return ledger.values().stream().filter(d -> d.status() == s).count();
  }
}
