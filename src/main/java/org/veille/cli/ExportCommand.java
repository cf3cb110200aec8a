package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.veille.config.Config;
import org.veille.store.ItemFilter;
import org.veille.store.SqliteStore;
import org.veille.store.StoredItem;
import picocli.CommandLine.Command;
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
  static final String[] CSV_HEADER = {
    "id",
    "title",
    "url",
    "source",
    "sources",
    "published",
    "lang",
    "topics",
    "guid",
    "updated",
    "author",
    "summary",
    "content",
    "first_seen",
    "categories"
  };

  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--since", paramLabel = "WHEN", description = "Only items published since then.")
  String since;

  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "Only items carried by this source (repeatable).")
  List<String> sources = new ArrayList<>();

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
    AppContext ctx = root.context();
    Config config = ctx.config();
    Instant from =
        since == null
            ? null
            : When.start(since, config.settings().timezone(), ctx.clock().instant());
    PrintWriter out = spec.commandLine().getOut();
    try (SqliteStore store = ctx.openStore()) {
      ItemFilter filter = new ItemFilter(from, sources);
      if (format == Format.jsonl) {
        store.forEachItem(filter, item -> jsonLine(out, item));
      } else {
        try (CSVPrinter csv =
            new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
          store.forEachItem(filter, item -> csvRow(csv, item));
        }
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
      csv.printRecord(
          i.id(),
          i.title(),
          i.url(),
          i.source(),
          String.join(" ", i.sources()),
          Json.time(i.published()),
          i.lang(),
          String.join(" ", i.topics()),
          i.guid(),
          Json.time(i.updated()),
          i.author(),
          i.summary(),
          i.content(),
          Json.time(i.firstSeen()),
          String.join("; ", i.categories()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
