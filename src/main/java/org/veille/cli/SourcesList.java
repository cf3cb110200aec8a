package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Sources;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.store.SourceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille sources list}: every source with its last fetch and health. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Every source with its last fetch and health.")
final class SourcesList implements Callable<Integer> {
  @ParentCommand SourcesCommand parent;
  @Spec CommandSpec spec;

  @Mixin Options.TextOrJson format;

  @Override
  public Integer call() throws Exception {
    Context ctx = parent.root.context();
    Config config = ctx.config();
    List<Sources.Health> sources = new Sources(ctx).list();
    PrintWriter out = spec.commandLine().getOut();
    ZoneId zone = config.settings().timezone();
    if (format.json()) {
      try (Json json = new Json(out)) {
        JsonGenerator g = json.gen();
        g.writeStartArray();
        for (Sources.Health h : sources) {
          SourceConfig c = h.config();
          SourceStatus s = h.status();
          g.writeStartObject();
          g.writeStringField("id", c.id());
          SourcesCommand.fetchFields(g, c, s);
          g.writeNumberField("consecutive_failures", s == null ? 0 : s.consecutiveFailures());
          g.writeStringField("next_attempt", s == null ? null : Times.iso(s.nextAttemptAt()));
          g.writeBooleanField("broken_selector", s != null && s.brokenSelector());
          g.writeBooleanField("healthy", s == null || s.healthy());
          SourcesCommand.feedFields(g, s == null ? SourceStatus.FeedInfo.NONE : s.feed());
          SourcesCommand.articleFields(g, s == null ? SourceStatus.Articles.NONE : s.articles());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      out.println();
      return ExitCodes.OK;
    }
    Table t =
        new Table(
            "ID",
            "TYPE",
            "LAST FETCH",
            "STATUS",
            "ITEMS",
            "FAILS",
            "NEXT TRY",
            "HEALTH",
            "ARTICLES");
    int unhealthy = 0;
    for (Sources.Health h : sources) {
      SourceConfig c = h.config();
      SourceStatus s = h.status();
      String health;
      if (!c.enabled()) {
        health = "disabled";
      } else if (s == null || s.lastStatus() == null) {
        health = "never fetched";
      } else if (s.healthy()) {
        health = "healthy";
      } else {
        unhealthy++;
        health = "UNHEALTHY: " + (s.brokenSelector() ? "broken selector" : s.lastError());
      }
      t.row(
          c.id(),
          c.type().label(),
          s == null ? "-" : Times.shortTime(s.lastFetchAt(), zone),
          s == null || s.lastStatus() == null
              ? "-"
              : s.lastStatus() + (s.feed().truncated() ? " (truncated)" : ""),
          s == null ? 0 : s.items(),
          s == null ? 0 : s.consecutiveFailures(),
          s == null ? "-" : Times.shortTime(s.nextAttemptAt(), zone),
          health,
          SourcesCommand.articles(s == null ? SourceStatus.Articles.NONE : s.articles()));
    }
    t.print(out, Table.width());
    out.printf("%d sources, %d unhealthy.%n", config.sources().size(), unhealthy);
    return ExitCodes.OK;
  }
}
