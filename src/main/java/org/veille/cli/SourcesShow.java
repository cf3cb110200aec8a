package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Sources;
import org.veille.config.SourceConfig;
import org.veille.store.SourceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille sources show ID}: one source in full, its feed and its last fetch. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "One source in full: its feed's title, site and language, its health and the"
            + " parser's notes on its last fetch.")
final class SourcesShow implements Callable<Integer> {
  @ParentCommand SourcesCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The source's id in feeds.yaml.")
  String id;

  @Mixin Options.TextOrJson format;

  @Override
  public Integer call() throws Exception {
    Context ctx = parent.root.context();
    ZoneId zone = ctx.config().settings().timezone();
    Sources.Health h =
        new Sources(ctx)
            .list().stream()
                .filter(x -> x.config().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UsageException("no source '" + id + "' in the config"));
    SourceConfig c = h.config();
    SourceStatus s = h.status();
    SourceStatus.FeedInfo f = s == null ? SourceStatus.FeedInfo.NONE : s.feed();
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      try (Json json = new Json(out)) {
        JsonGenerator g = json.gen();
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("name", s == null ? c.name() : s.name());
        SourcesCommand.fetchFields(g, c, s);
        g.writeBooleanField("healthy", s == null || s.healthy());
        SourcesCommand.feedFields(g, f);
        SourcesCommand.articleFields(g, s == null ? SourceStatus.Articles.NONE : s.articles());
        g.writeEndObject();
      }
      out.println();
      return ExitCodes.OK;
    }
    out.printf("id:          %s%n", c.id());
    out.printf("url:         %s%n", c.url());
    out.printf("type:        %s%n", c.type().label());
    out.printf("feed title:  %s%n", f.title() == null ? "-" : f.title());
    out.printf("feed site:   %s%n", f.link() == null ? "-" : f.link());
    out.printf("language:    %s%n", f.language() == null ? "-" : f.language());
    out.printf(
        "last fetch:  %s%n",
        s == null || s.lastFetchAt() == null
            ? "never"
            : Times.shortTime(s.lastFetchAt(), zone)
                + " ("
                + s.lastStatus()
                + (f.truncated() ? ", truncated" : "")
                + ")");
    if (s != null && s.lastError() != null) {
      out.printf("last error:  %s%n", s.lastError());
    }
    out.printf("items:       %d%n", s == null ? 0 : s.items());
    SourceStatus.Articles a = s == null ? SourceStatus.Articles.NONE : s.articles();
    out.printf("fulltext:    %s%n", c.fulltext().label());
    out.printf("articles:    %s%n", SourcesCommand.articles(a));
    if (a.lastFailure() != null) {
      out.printf("article err: %s%n", a.lastFailure());
    }
    for (String n : f.notes()) {
      out.printf("note:        %s%n", n);
    }
    return ExitCodes.OK;
  }
}
