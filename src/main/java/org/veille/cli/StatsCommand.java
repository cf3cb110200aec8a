package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.veille.config.Config;
import org.veille.store.SqliteStore;
import org.veille.store.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  CrawlCommand.Format format;

  @Override
  public Integer call() throws Exception {
    AppContext ctx = root.context();
    Config config = ctx.config();
    StoreStats s;
    long indexed;
    long indexBytes;
    try (SqliteStore store = ctx.openStore();
        var index = ctx.openIndex()) {
      s = store.stats();
      indexed = Math.min(store.indexedCount(), index.size());
      indexBytes = index.bytes();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == CrawlCommand.Format.json) {
      try (Json json = new Json(out)) {
        JsonGenerator g = json.gen();
        g.writeStartObject();
        g.writeNumberField("sources", config.sources().size());
        g.writeNumberField("items", s.items());
        g.writeNumberField("indexed", indexed);
        g.writeNumberField("db_bytes", s.dbBytes());
        g.writeNumberField("index_bytes", indexBytes);
        g.writeStringField("last_crawl", Json.time(s.lastCrawl()));
        g.writeEndObject();
      }
      out.println();
    } else {
      out.printf(
          "sources     %d (%d enabled)%n", config.sources().size(), config.enabledSources().size());
      out.printf("items       %d (%d indexed)%n", s.items(), indexed);
      out.printf(
          "store       %s (%.1f MB)%n", ctx.dataDir().resolve("veille.db"), s.dbBytes() / 1e6);
      out.printf("index       %s (%.1f MB)%n", ctx.dataDir().resolve("index"), indexBytes / 1e6);
      out.printf(
          "last crawl  %s%n",
          SourcesCommand.shortTime(s.lastCrawl(), config.settings().timezone()));
    }
    return ExitCodes.OK;
  }
}
