package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import org.veille.app.Calls;
import org.veille.app.Context;
import org.veille.calls.Call;
import org.veille.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille calls}: the calls for projects, sorted by the date they close. */
@Command(
    name = "calls",
    mixinStandardHelpOptions = true,
    description =
        "Calls for projects (appels à projets, AMI, concours, calls for proposals), sorted by deadline.")
final class CallsCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--open", description = "Only calls one can still apply to (or rolling).")
  boolean open;

  @Option(
      names = "--closing-within",
      paramLabel = "SPAN",
      description = "Only calls closing within this span from today, e.g. 14d or 30d.")
  String closingWithin;

  @Option(names = "--format", defaultValue = "table", description = "table, json, csv or ics.")
  String format;

  static final List<String> CSV_HEADER =
      Csv.header(
          "call_kind", "deadline", "deadline_time", "deadline_zone", "final_deadline", "rolling");

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "json", "csv", "ics").contains(format)) {
      throw new UsageException("--format takes table, json, csv or ics (got '" + format + "')");
    }
    Duration within = null;
    if (closingWithin != null) {
      try {
        within = Durations.parse(closingWithin);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--closing-within: " + e.getMessage());
      }
    }
    Context ctx = root.context();
    Calls calls = new Calls(ctx);
    List<Calls.Listed> listed = calls.list(open, within);
    LocalDate today = calls.today();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "ics" -> out.print(CallsCalendar.write(listed, ctx.clock().instant()));
      case "json" -> json(out, listed, today);
      case "csv" -> csv(out, listed, ctx);
      default -> table(out, listed, today);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void table(PrintWriter out, List<Calls.Listed> listed, LocalDate today) {
    if (listed.isEmpty()) {
      out.println("No calls for projects.");
      return;
    }
    Table t = new Table("CLOSES", "IN", "KIND", "TITLE", "ID");
    for (Calls.Listed l : listed) {
      Call c = l.call();
      String closes =
          l.closes()
              .map(
                  d ->
                      d + (c.time() != null && !l.closesOnFinal() ? " " + Json.hhmm(c.time()) : ""))
              .orElse(c.rolling() ? "rolling" : "-");
      String in =
          l.closes()
              .map(
                  d -> {
                    long days = ChronoUnit.DAYS.between(today, d);
                    return days < 0 ? "closed" : days == 0 ? "today" : days + " d";
                  })
              .orElse("");
      t.row(closes, in, c.kind(), l.item().title(), l.item().id());
    }
    t.print(out, Table.width());
  }

  private static void json(PrintWriter out, List<Calls.Listed> listed, LocalDate today)
      throws IOException {
    try (Json json = new Json(out)) {
      JsonGenerator g = json.gen();
      g.writeStartObject();
      g.writeStringField("today", today.toString());
      g.writeNumberField("count", listed.size());
      g.writeArrayFieldStart("calls");
      for (Calls.Listed l : listed) {
        g.writeStartObject();
        json.hitFields(l.item());
        json.callFields(l.item());
        g.writeStringField("closes", l.closes().map(LocalDate::toString).orElse(null));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void csv(PrintWriter out, List<Calls.Listed> listed, Context ctx)
      throws Exception {
    Csv dialect = Csv.plain();
    try (CSVPrinter csv = dialect.printer(out, CSV_HEADER)) {
      for (Calls.Listed l : listed) {
        Call c = l.call();
        List<Object> cells = dialect.hitCells(l.item());
        cells.add(c.kind());
        cells.add(c.deadline() == null ? "" : c.deadline().toString());
        cells.add(c.time() == null ? "" : Json.hhmm(c.time()));
        cells.add(c.zone() == null ? "" : c.zone());
        cells.add(c.finalDeadline() == null ? "" : c.finalDeadline().toString());
        cells.add(c.rolling());
        try {
          csv.printRecord(cells);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
