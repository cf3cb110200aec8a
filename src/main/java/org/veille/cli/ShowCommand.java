package org.veille.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Items;
import org.veille.store.StoredItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin Options.TextOrJson format;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    ZoneId zone = ctx.config().settings().timezone();
    StoredItem i = new Items(ctx).show(id);
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      try (Json json = new Json(out)) {
        json.item(i);
      }
      out.println();
      return ExitCodes.OK;
    }
    out.println(i.title());
    out.println("=".repeat(Math.min(72, Math.max(3, i.title().length()))));
    out.printf("id:         %s%n", i.id());
    out.printf("url:        %s%n", i.url() == null ? "-" : i.url());
    out.printf("published:  %s%n", Times.full(i.published(), zone));
    if (i.updated() != null) {
      out.printf("updated:    %s%n", Times.full(i.updated(), zone));
    }
    out.printf("first seen: %s%n", Times.full(i.firstSeen(), zone));
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
