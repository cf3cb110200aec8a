package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import org.jsoup.nodes.Entities;
import org.veille.app.Context;
import org.veille.app.Search;
import org.veille.app.Search.Row;
import org.veille.digest.Markdown;
import org.veille.index.SearchRequest;
import org.veille.index.SearchResult;
import org.veille.store.StoredItem;
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
      "Full-text search. QUERY uses Lucene's syntax: AND, OR, NOT, \"phrases\", wildcards*, and the",
      "fields title:, text:, source:, topic:, lang:, author:. Accents and case are ignored; French and",
      "English words match their plurals and other forms. All words are required unless OR says otherwise."
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

  @Option(names = "--facets", description = "Count matching items by source, topic and language.")
  boolean facets;

  @Option(names = "--format", defaultValue = "table", description = "table, json, csv or md.")
  Format format;

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
    if (lang != null && !lang.matches("[a-zA-Z]{2}")) {
      throw new UsageException("--lang takes a two-letter code such as fr or en");
    }
    Context ctx = root.context();
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
            facets);
    Search.Results found = new Search(ctx).run(request);
    found.note().ifPresent(n -> spec.commandLine().getErr().println("veille: " + n));
    SearchResult result = found.result();
    List<Row> rows = found.rows();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> json(out, query, result, rows);
      case csv -> csv(out, rows);
      case md -> markdown(out, query, result, rows, zone);
      default -> table(out, query, result, rows, zone);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void json(PrintWriter out, String query, SearchResult r, List<Row> rows)
      throws IOException {
    try (Json json = new Json(out)) {
      JsonGenerator g = json.gen();
      g.writeStartObject();
      g.writeStringField("query", query);
      g.writeNumberField("total", r.total());
      g.writeArrayFieldStart("hits");
      for (Row row : rows) {
        StoredItem i = row.item();
        g.writeStartObject();
        json.hitFields(i);
        g.writeStringField("snippet", row.hit().snippet());
        g.writeNumberField("score", Math.round(row.hit().score() * 100) / 100.0);
        g.writeEndObject();
      }
      g.writeEndArray();
      if (facets) {
        g.writeObjectFieldStart("facets");
        for (var dim : r.facets().entrySet()) {
          g.writeObjectFieldStart(dim.getKey());
          for (var v : dim.getValue().entrySet()) {
            g.writeNumberField(v.getKey(), v.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    out.println();
  }

  private static void csv(PrintWriter out, List<Row> rows) throws IOException {
    CSVPrinter csv = Csv.printer(out, Csv.header("snippet", "score"));
    for (Row row : rows) {
      StoredItem i = row.item();
      List<Object> cells = Csv.hitCells(i);
      cells.add(plain(row.hit().snippet()));
      cells.add(String.format(java.util.Locale.ROOT, "%.2f", row.hit().score()));
      csv.printRecord(cells);
    }
    csv.flush();
  }

  private void markdown(
      PrintWriter out, String query, SearchResult r, List<Row> rows, ZoneId zone) {
    out.printf(
        "%d %s for %s%n%n",
        r.total(),
        r.total() == 1 ? "result" : "results",
        Markdown.code(query.isBlank() ? "*" : query));
    for (Row row : rows) {
      StoredItem i = row.item();
      out.printf(
          "- %s — %s, %s%n",
          Markdown.link(i.title(), i.url()),
          Markdown.escape(i.source()),
          Times.day(i.published(), zone));
      String snippet = row.hit().snippet();
      if (!snippet.isEmpty()) {
        String marked = plain(snippet.replace("<b>", "\u0001").replace("</b>", "\u0001"));
        out.printf("  %s%n", Markdown.escape(marked).replace("\u0001", "**"));
      }
    }
    facetsText(out, r);
  }

  private void table(PrintWriter out, String query, SearchResult r, List<Row> rows, ZoneId zone) {
    if (r.total() == 0) {
      out.printf("No results for %s.%n", query.isBlank() ? "this search" : "\"" + query + "\"");
      facetsText(out, r);
      return;
    }
    boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
    int width = Math.min(Table.width(), color ? Table.width() : 160);
    int offset = paging.offset;
    int first = offset + 1;
    out.printf(
        "%d %s for %s (%d–%d, by %s)%n%n",
        r.total(),
        r.total() == 1 ? "result" : "results",
        query.isBlank() ? "everything" : "\"" + query + "\"",
        first,
        offset + rows.size(),
        sort == Sort.date ? "date" : "relevance");
    int sourceWidth = rows.stream().mapToInt(x -> x.item().source().length()).max().orElse(6);
    for (Row row : rows) {
      StoredItem i = row.item();
      String topicsText = i.topics().isEmpty() ? "" : "  [" + String.join(", ", i.topics()) + "]";
      String head =
          Times.day(i.published(), zone)
              + "  "
              + i.id()
              + "  "
              + pad(i.source(), sourceWidth)
              + "  ";
      String title = fit(i.title(), Math.max(20, width - head.length() - topicsText.length()));
      out.println(head + (color ? "\u001b[1m" + title + "\u001b[0m" : title) + topicsText);
      String snippet = row.hit().snippet();
      if (!snippet.isEmpty()) {
        String indent = " ".repeat(12);
        out.println(indent + highlight(snippet, width - indent.length(), color));
      }
      if (i.url() != null) {
        out.println(" ".repeat(12) + i.url());
      }
      out.println();
    }
    facetsText(out, r);
  }

  private void facetsText(PrintWriter out, SearchResult r) {
    if (!facets) {
      return;
    }
    out.println();
    for (var dim : r.facets().entrySet()) {
      List<String> parts = new ArrayList<>();
      dim.getValue().forEach((k, v) -> parts.add(k + " (" + v + ")"));
      out.printf("By %s: %s%n", dim.getKey(), parts.isEmpty() ? "-" : String.join(", ", parts));
    }
  }

  /**
   * The snippet for a terminal: matches in bold (or in plain text when not a terminal), cut to
   * width.
   */
  private static String highlight(String html, int width, boolean color) {
    String marked = html.replace("<b>", "\u0001").replace("</b>", "\u0002");
    String text = fit(Entities.unescape(marked), width + count(marked));
    return color
        ? text.replace("\u0001", "\u001b[1;33m").replace("\u0002", "\u001b[0m") + "\u001b[0m"
        : text.replace("\u0001", "").replace("\u0002", "");
  }

  private static int count(String s) {
    return (int) s.chars().filter(c -> c == 1 || c == 2).count();
  }

  static String plain(String snippetHtml) {
    return Entities.unescape(snippetHtml.replace("<b>", "").replace("</b>", ""));
  }

  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(1, width - 1)) + "…";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
