package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Stats;
import org.veille.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille stats}: counts and sizes. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Counts and sizes of the store.")
final class StatsCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.TextOrJson format;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    Config config = ctx.config();
    Stats.Report s = new Stats(ctx).read();
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      try (Json json = new Json(out)) {
        JsonGenerator g = json.gen();
        g.writeStartObject();
        g.writeNumberField("sources", config.sources().size());
        g.writeNumberField("items", s.items());
        g.writeNumberField("indexed", s.indexed());
        g.writeNumberField("db_bytes", s.dbBytes());
        g.writeNumberField("index_bytes", s.indexBytes());
        g.writeStringField("last_crawl", Times.iso(s.lastCrawl()));
        g.writeEndObject();
      }
      out.println();
    } else {
      out.printf(
          "sources     %d (%d enabled)%n", config.sources().size(), config.enabledSources().size());
      out.printf("items       %d (%d indexed)%n", s.items(), s.indexed());
      out.printf("store       %s (%.1f MB)%n", s.store(), s.dbBytes() / 1e6);
      out.printf("index       %s (%.1f MB)%n", s.index(), s.indexBytes() / 1e6);
      out.printf("last crawl  %s%n", Times.shortTime(s.lastCrawl(), config.settings().timezone()));
    }
    return ExitCodes.OK;
  }
}
