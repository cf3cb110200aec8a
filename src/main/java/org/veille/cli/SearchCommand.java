package org.veille.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Search;
import org.veille.config.Config;
import org.veille.config.Topic;
import org.veille.index.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille search}: full-text search with filters, facets and four output formats. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Full-text search of the stored items, in French and English.",
      "QUERY uses Lucene's syntax: AND, OR, NOT, \"phrases\", wildcards*, and the fields title:, text:,"
          + " source:, topic:, lang:, author:. Accents and case are ignored; French and English words"
          + " match their plurals and other forms. All words are required unless OR says otherwise."
          + " A word: that is not a field (a pasted title such as \"Innovation publique : les"
          + " laboratoires\") is searched as text."
    })
final class SearchCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "The query (several words are joined).")
  List<String> words = new ArrayList<>();

  @Mixin Options.Dates dates;
  @Mixin Options.Sources sources;

  @Option(
      names = "--topic",
      paramLabel = "ID",
      description = "Only items of this topic (repeatable).")
  List<String> topics = new ArrayList<>();

  @Option(names = "--lang", paramLabel = "fr|en", description = "Only items in this language.")
  String lang;

  @Option(
      names = "--sort",
      defaultValue = "relevance",
      description = "relevance or date (newest first).")
  Sort sort;

  @Mixin Options.Paging paging;

  @Option(
      names = "--facets",
      description =
          "Count matching articles by source, topic, language, commune (INSEE code) and territory;"
              + " an article carried by two sources counts under each (and once under each of its"
              + " topics).")
  boolean facets;

  @Option(
      names = "--all",
      description =
          "Every item of a story carried by several sources (by default a story shows once, its"
              + " best hit, with the number of other sources that carried it).")
  boolean all;

  @Option(names = "--sent", description = "Only items that went out in a newsletter.")
  boolean sent;

  @Option(
      names = "--in",
      paramLabel = "WEEK",
      description =
          "Only items of the letters of this week (2026-W47) or of one letter (main/2026-W47).")
  String in;

  @Option(names = "--format", defaultValue = "table", description = "table, json, csv or md.")
  Format format;

  @Option(
      names = "--excel",
      description =
          "With --format csv: for Excel in French (UTF-8 BOM, ';', CRLF, local dates, decimal commas).")
  boolean excel;

  enum Sort {
    relevance,
    date
  }

  enum Format {
    table,
    json,
    csv,
    md
  }

  @Override
  public Integer call() throws Exception {
    paging.check();
    if (excel && format != Format.csv) {
      throw new UsageException("--excel goes with --format csv");
    }
    if (lang != null && !lang.matches("[a-zA-Z]{2}")) {
      throw new UsageException("--lang takes a two-letter code such as fr or en");
    }
    Context ctx = root.context();
    checkFilters(ctx.config());
    ZoneId zone = ctx.config().settings().timezone();
    Instant now = ctx.now();
    String query = String.join(" ", words);
    SearchRequest request =
        new SearchRequest(
                query,
                dates.since(zone, now),
                dates.until(zone, now),
                sources.ids,
                topics,
                lang,
                sort == Sort.date ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE,
                paging.limit,
                paging.offset,
                facets)
            .collapsed(!all);
    Search.Results found = new Search(ctx).run(request, sent, in);
    found.result().notes().forEach(n -> spec.commandLine().getErr().println("veille: note: " + n));
    found.note().ifPresent(n -> spec.commandLine().getErr().println("veille: " + n));
    PrintWriter out = spec.commandLine().getOut();
    SearchOutput output = new SearchOutput(out, query, found, zone, facets);
    switch (format) {
      case json -> output.json();
      case csv -> output.csv(excel);
      case md -> output.markdown();
      default -> output.table(root.env(), paging.offset, sort == Sort.date, all);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** A --topic or --lang that nothing can carry is a mistake, not an empty result. */
  private void checkFilters(Config config) {
    List<String> known = config.topics().stream().map(Topic::id).toList();
    for (String t : topics) {
      if (!known.contains(t)) {
        throw new UsageException(
            "unknown topic '"
                + t
                + "' in "
                + config.file()
                + (known.isEmpty()
                    ? " (it has no topics)"
                    : " (topics: " + String.join(", ", known) + ")"));
      }
    }
    if (lang != null) {
      java.util.SortedSet<String> langs = new java.util.TreeSet<>(List.of("en", "fr"));
      config
          .sources()
          .forEach(
              s ->
                  s.language()
                      .ifPresent(
                          l -> langs.add(l.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0])));
      if (!langs.contains(lang.toLowerCase(java.util.Locale.ROOT))) {
        throw new UsageException(
            "unknown language '" + lang + "' (languages: " + String.join(", ", langs) + ")");
      }
    }
  }
}
