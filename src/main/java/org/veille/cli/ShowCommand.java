package org.veille.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.veille.store.SqliteStore;
import org.veille.store.StoredItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille show ID}: one item in full. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "One item in full.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The item id, as search and export show it.")
  String id;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  CrawlCommand.Format format;

  @Override
  public Integer call() throws Exception {
    AppContext ctx = root.context();
    ZoneId zone = ctx.config().settings().timezone();
    StoredItem i;
    try (SqliteStore store = ctx.openStore()) {
      i =
          store
              .item(id.trim())
              .orElseThrow(() -> new UsageException("no item with id '" + id + "'"));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == CrawlCommand.Format.json) {
      try (Json json = new Json(out)) {
        json.item(i);
      }
      out.println();
      return ExitCodes.OK;
    }
    DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
    out.println(i.title());
    out.println("=".repeat(Math.min(72, Math.max(3, i.title().length()))));
    out.printf("id:         %s%n", i.id());
    out.printf("url:        %s%n", i.url() == null ? "-" : i.url());
    out.printf("published:  %s%n", when.format(i.published()));
    if (i.updated() != null) {
      out.printf("updated:    %s%n", when.format(i.updated()));
    }
    out.printf("first seen: %s%n", when.format(i.firstSeen()));
    out.printf("sources:    %s%n", String.join(", ", i.sources()));
    out.printf("language:   %s%n", i.lang());
    out.printf("topics:     %s%n", i.topics().isEmpty() ? "-" : String.join(", ", i.topics()));
    if (i.author() != null) {
      out.printf("author:     %s%n", i.author());
    }
    if (!i.categories().isEmpty()) {
      out.printf("categories: %s%n", String.join(", ", i.categories()));
    }
    if (i.guid() != null) {
      out.printf("guid:       %s%n", i.guid());
    }
    out.println();
    out.println(org.veille.digest.Wrapping.wrap(i.summary(), 72, ""));
    if (!i.content().isEmpty() && !i.content().equals(i.summary())) {
      out.println();
      out.println(org.veille.digest.Wrapping.wrap(i.content(), 72, ""));
    }
    return ExitCodes.OK;
  }
}
