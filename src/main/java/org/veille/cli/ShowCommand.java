package org.veille.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
    Items.Shown shown = new Items(ctx).shown(id);
    StoredItem i = shown.item();
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      try (Json json = new Json(out)) {
        json.item(i, shown.sentIn(), shown.members());
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
    if (i.feedTitle() != null) {
      out.printf("feed:       %s%n", i.feedTitle());
    }
    out.printf("language:   %s%n", i.lang());
    out.printf("topics:     %s%n", i.topics().isEmpty() ? "-" : String.join(", ", i.topics()));
    if (!i.places().isEmpty()) {
      out.printf("places:     %s%n", places(i.places()));
    }
    if (i.call().isCall()) {
      out.printf("call:       %s%n", call(i.call()));
    }
    if (i.author() != null) {
      out.printf("author:     %s%n", i.author());
    }
    if (!i.categories().isEmpty()) {
      out.printf("categories: %s%n", String.join(", ", i.categories()));
    }
    if (i.guid() != null) {
      out.printf("guid:       %s%n", i.guid());
    }
    out.printf("content:    from the %s%n", i.fromArticle() ? "article page" : "feed");
    if (i.fulltext() != null) {
      out.printf("fulltext:   %s%n", i.fulltext());
    }
    if (!shown.members().isEmpty()) {
      out.printf(
          "cluster:    %s (%d items, %d sources)%n",
          i.cluster(), shown.members().size(), i.clusterSources().size());
      for (StoredItem m : shown.members()) {
        out.printf(
            "  %s %s  %s  %s  %s%n",
            m.id().equals(i.id()) ? "*" : "-",
            m.id(),
            String.join(", ", m.sources()),
            m.title(),
            m.url() == null ? "" : m.url());
      }
    }
    out.printf(
        "letters:    %s%n",
        shown.sentIn().isEmpty() ? "none sent" : String.join(", ", shown.sentIn()));
    out.println();
    out.println(org.veille.digest.Wrapping.wrap(i.summary(), 72, ""));
    if (!i.content().isEmpty() && !i.content().equals(i.summary())) {
      out.println();
      out.println(org.veille.digest.Wrapping.wrap(i.content(), 72, ""));
    }
    return ExitCodes.OK;
  }

  /** "aap, deadline 2026-03-16 12:00 (Europe/Paris), final 2026-06-30" or "ami, rolling". */
  static String call(org.veille.calls.Call c) {
    StringBuilder b = new StringBuilder(c.kind());
    if (c.deadline() != null) {
      b.append(", deadline ").append(c.deadline());
      if (c.time() != null) {
        b.append(' ').append(Json.hhmm(c.time()));
        if (c.zone() != null) {
          b.append(" (").append(c.zone()).append(')');
        }
      }
      if (c.finalDeadline() != null) {
        b.append(", final ").append(c.finalDeadline());
      }
    } else {
      b.append(c.rolling() ? ", rolling (no deadline)" : ", no deadline found");
    }
    return b.toString();
  }

  /** "Saint-Denis (93066), Montreuil (93048); T6 Plaine Commune; 93". */
  private static String places(org.veille.territory.Places p) {
    List<String> parts = new ArrayList<>();
    if (!p.communes().isEmpty()) {
      parts.add(
          p.communes().stream()
              .map(c -> c.name() + " (" + c.code() + ")")
              .collect(Collectors.joining(", ")));
    }
    if (!p.epts().isEmpty()) {
      parts.add(
          p.epts().stream().map(t -> t.code() + " " + t.name()).collect(Collectors.joining(", ")));
    }
    if (!p.departements().isEmpty()) {
      parts.add(String.join(", ", p.departementCodes()));
    }
    return String.join("; ", parts);
  }
}
