package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.veille.app.Context;
import org.veille.app.Crawl;
import org.veille.config.SourceConfig;
import org.veille.crawl.CrawlListener;
import org.veille.crawl.CrawlReport;
import org.veille.crawl.SourceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code veille crawl}: fetch every enabled source (or the named ones) and store what is new. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = "Fetch every enabled source (or the named ones), store new and changed items.")
final class CrawlCommand implements Callable<Integer> {
  /** How long a crawl waits for another writer before giving up. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  @ParentCommand VeilleCommand root;

  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "Only this source (repeatable); fetched even if disabled or backed off.")
  List<String> sources = new ArrayList<>();

  @Mixin Options.Progress progressOption;
  @Mixin Options.TextOrJson format;
  @Mixin Options.Wait lockWait;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    List<SourceConfig> selected = Crawl.select(ctx.config(), sources);
    PrintWriter out = spec.commandLine().getOut();
    Progress progress =
        new Progress(!progressOption.off && !root.quiet() && System.console() != null);
    CrawlReport report;
    try {
      report =
          new Crawl(ctx)
              .run(
                  selected,
                  !sources.isEmpty(),
                  progress,
                  lockWait.or(LOCK_WAIT),
                  lockWait.notice(spec.commandLine().getErr(), root.quiet()));
    } finally {
      progress.close();
    }
    if (format.json()) {
      json(out, report);
    } else {
      text(out, report);
    }
    if (report.allFailed()) {
      // Still "done" (exit 0, as documented for failures), but never mistaken for a quiet run.
      spec.commandLine()
          .getErr()
          .printf(
              "veille: every source failed (%d of %d): nothing was fetched. Check the network, a"
                  + " proxy or the addresses, then 'veille sources check'.%n",
              report.failed(), report.sources() - report.skipped());
    }
    return ExitCodes.OK;
  }

  private void text(PrintWriter out, CrawlReport r) {
    if (!root.quiet()) {
      Table t = new Table("SOURCE", "OUTCOME", "NEW", "UPDATED", "DETAIL");
      for (SourceReport s : r.reports()) {
        String detail =
            switch (s.outcome()) {
              case OK -> s.format() + ", " + s.itemsFound() + " items";
              case NOT_MODIFIED -> "not modified since last fetch";
              default -> s.error();
            };
        t.row(s.sourceId(), s.outcome().label(), s.newItems(), s.updatedItems(), detail);
      }
      t.print(out, Table.width());
    }
    out.printf(
        "Crawled %s in %.1f s: %s.%n",
        Plural.of(r.sources(), "source"), r.durationMs() / 1000.0, r.counts());
  }

  private static void json(PrintWriter out, CrawlReport r) throws java.io.IOException {
    try (Json json = new Json(out)) {
      JsonGenerator g = json.gen();
      g.writeStartObject();
      g.writeNumberField("sources", r.sources());
      g.writeNumberField("ok", r.ok());
      g.writeNumberField("not_modified", r.notModified());
      g.writeNumberField("failed", r.failed());
      g.writeNumberField("skipped", r.skipped());
      g.writeNumberField("new_items", r.newItems());
      g.writeNumberField("updated_items", r.updatedItems());
      g.writeNumberField("duration_ms", r.durationMs());
      g.writeArrayFieldStart("errors");
      for (SourceReport s : r.errors()) {
        g.writeStartObject();
        g.writeStringField("source", s.sourceId());
        g.writeStringField("error", s.error());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  /** A progress bar on stderr, only on a terminal. */
  private static final class Progress implements CrawlListener, AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;

    Progress(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public void started(int total) {
      if (enabled) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Crawl")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
      }
    }

    @Override
    public void sourceDone(SourceReport report) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(report.sourceId());
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
