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
      Csv.header("guid", "updated", "author", "summary", "content", "first_seen", "categories");

  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Dates dates;
  @Mixin Options.Sources sources;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  enum Format {
    jsonl,
    csv
  }

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    ZoneId zone = ctx.config().settings().timezone();
    ItemFilter filter =
        new ItemFilter(dates.since(zone, ctx.now()), dates.until(zone, ctx.now()), sources.ids);
    PrintWriter out = spec.commandLine().getOut();
    Items items = new Items(ctx);
    if (format == Format.jsonl) {
      items.export(filter, item -> jsonLine(out, item));
    } else {
      try (CSVPrinter csv = Csv.printer(out, CSV_HEADER)) {
        items.export(filter, item -> csvRow(csv, item));
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

  private static void csvRow(CSVPrinter csv, StoredItem i) {
    try {
      List<Object> cells = Csv.hitCells(i);
      cells.addAll(
          java.util.Arrays.asList(
              i.guid(),
              Times.iso(i.updated()),
              i.author(),
              i.summary(),
              i.content(),
              Times.iso(i.firstSeen()),
              String.join("; ", i.categories())));
      csv.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
