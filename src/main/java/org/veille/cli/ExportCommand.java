package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import org.veille.app.Context;
import org.veille.app.Items;
import org.veille.store.ItemFilter;
import org.veille.store.StoredItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille export}: every stored item in full, oldest first; also the store's backup. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Every stored item in full (JSON lines or CSV), oldest first: for backups, spreadsheets and other tools.")
final class ExportCommand implements Callable<Integer> {
  static final List<String> CSV_HEADER =
      Csv.header(
          "guid",
          "updated",
          "author",
          "summary",
          "content",
          "first_seen",
          "categories",
          "feed_title",
          "communes",
          "epts",
          "departements",
          "call",
          "deadline",
          "deadline_time",
          "content_source",
          "fulltext",
          "cluster");

  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Dates dates;
  @Mixin Options.Sources sources;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--excel",
      description =
          "With --format csv: for Excel in French (UTF-8 BOM, ';', CRLF, local dates); plain CSV is RFC 4180.")
  boolean excel;

  enum Format {
    jsonl,
    csv
  }

  @Override
  public Integer call() throws Exception {
    if (excel && format != Format.csv) {
      throw new UsageException("--excel goes with --format csv");
    }
    Context ctx = root.context();
    ZoneId zone = ctx.config().settings().timezone();
    ItemFilter filter =
        new ItemFilter(dates.since(zone, ctx.now()), dates.until(zone, ctx.now()), sources.ids);
    PrintWriter out = spec.commandLine().getOut();
    Items items = new Items(ctx);
    if (format == Format.jsonl) {
      items.export(filter, item -> jsonLine(out, item));
    } else {
      Csv dialect = Csv.of(excel, zone);
      try (CSVPrinter csv = dialect.printer(out, CSV_HEADER)) {
        items.export(filter, item -> csvRow(csv, dialect, item));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void jsonLine(PrintWriter out, StoredItem item) {
    try (Json json = new Json(out)) {
      json.item(item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print('\n');
  }

  private static void csvRow(CSVPrinter csv, Csv dialect, StoredItem i) {
    try {
      List<Object> cells = dialect.hitCells(i);
      cells.addAll(
          java.util.Arrays.asList(
              i.guid(),
              dialect.date(i.updated()),
              dialect.text(i.author()),
              dialect.text(i.summary()),
              dialect.text(i.content()),
              dialect.date(i.firstSeen()),
              dialect.text(String.join("; ", i.categories())),
              dialect.text(i.feedTitle()),
              String.join(" ", i.places().communeCodes()),
              String.join(" ", i.places().eptCodes()),
              String.join(" ", i.places().departementCodes()),
              i.call().isCall(),
              i.call().deadline() == null ? "" : i.call().deadline().toString(),
              i.call().time() == null ? "" : Json.hhmm(i.call().time()),
              i.contentSource(),
              dialect.text(i.fulltext()),
              i.cluster()));
      csv.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
