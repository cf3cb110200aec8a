package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Archive;
import org.veille.store.ArchivedLetter;
import org.veille.store.Delivery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille digests}: the archive of the letters that were approved and sent. */
@Command(
    name = "digests",
    mixinStandardHelpOptions = true,
    description = "The archive of the newsletters: what each letter carried and who received it.",
    subcommands = {
      DigestsCommand.ListLetters.class,
      DigestsCommand.Show.class,
      DigestsCommand.Export.class
    })
final class DigestsCommand extends CommandGroup {

  /** What every subcommand reads: the archive of the data folder, and where to print. */
  abstract static class OnArchive implements Callable<Integer> {
    @ParentCommand DigestsCommand parent;
    @Spec CommandSpec spec;

    Archive archive() {
      return new Archive(parent.root.context());
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every letter in the archive, newest week first.")
  static final class ListLetters extends OnArchive {
    @Mixin Options.OnlyNewsletter only;

    @Mixin Options.TextOrJson format;

    @Override
    public Integer call() throws Exception {
      var ctx = parent.root.context();
      ZoneId zone = ctx.config().settings().timezone();
      List<Archive.Shown> letters = archive().list(only.id);
      PrintWriter out = out();
      if (format.json()) {
        try (Json json = new Json(out)) {
          JsonGenerator g = json.gen();
          g.writeStartArray();
          for (Archive.Shown s : letters) {
            ArchivedLetter l = s.letter();
            g.writeStartObject();
            g.writeStringField("newsletter", l.audience());
            g.writeStringField("week", l.week());
            g.writeNumberField("version", l.version());
            g.writeStringField("status", l.status());
            g.writeStringField("subject", l.subject());
            g.writeStringField("sent_at", Times.iso(l.sentAt()));
            g.writeNumberField("recipients", s.recipients().size());
            g.writeNumberField("sent", s.sent());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        out.println();
        return ExitCodes.OK;
      }
      if (letters.isEmpty()) {
        out.println("No letter in the archive yet (letters are archived when approved or sent).");
        return ExitCodes.OK;
      }
      for (Archive.Shown s : letters) {
        ArchivedLetter l = s.letter();
        out.printf(
            "%-10s %-12s %-9s %-22s %s%n",
            l.week(),
            l.audience(),
            l.status(),
            l.sentAt() == null
                ? "-"
                : Times.shortTime(l.sentAt(), zone) + " " + s.sent() + "/" + s.recipients().size(),
            l.subject() + (l.version() > 1 ? " (version " + l.version() + ")" : ""));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One letter exactly as sent (or approved), and who received it (json).")
  static final class Show extends OnArchive {
    @Parameters(paramLabel = "WEEK", description = "The week, e.g. 2026-W47.")
    String week;

    @Option(
        names = "--newsletter",
        paramLabel = "ID",
        description = "The newsletter (default: main).")
    String newsletter;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "html, text, md or json (default: text).")
    Format format;

    enum Format {
      html,
      text,
      md,
      json
    }

    @Override
    public Integer call() throws Exception {
      Archive.Shown s = archive().show(week, newsletter);
      ArchivedLetter l = s.letter();
      PrintWriter out = out();
      switch (format) {
        case html -> out.print(l.html());
        case md -> out.print(l.md());
        case json -> json(out, s);
        default -> out.print(l.text());
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static void json(PrintWriter out, Archive.Shown s) throws java.io.IOException {
      ArchivedLetter l = s.letter();
      try (Json json = new Json(out)) {
        JsonGenerator g = json.gen();
        g.writeStartObject();
        g.writeStringField("newsletter", l.audience());
        g.writeStringField("week", l.week());
        g.writeNumberField("version", l.version());
        g.writeStringField("status", l.status());
        g.writeStringField("subject", l.subject());
        g.writeStringField("edito", l.edito());
        g.writeStringField("created_at", Times.iso(l.createdAt()));
        g.writeStringField("sent_at", Times.iso(l.sentAt()));
        g.writeArrayFieldStart("items");
        for (ArchivedLetter.Item i : l.items()) {
          g.writeStartObject();
          g.writeNumberField("position", i.position());
          g.writeStringField("id", i.itemId());
          g.writeStringField("section", i.section());
          g.writeStringField("title", i.title());
          g.writeStringField("summary", i.summary());
          g.writeStringField("url", i.url());
          g.writeBooleanField("overridden", i.overridden());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recipients");
        for (Delivery d : s.recipients().values()) {
          g.writeStartObject();
          g.writeStringField("address", d.recipient());
          g.writeStringField(
              "outcome", d.status() == Delivery.Status.SENDING ? "unknown" : d.status().label());
          g.writeStringField("at", Times.iso(d.at()));
          g.writeStringField("error", d.error());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      out.println();
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Every sent letter, newest first, as one Markdown document (for an intranet).")
  static final class Export extends OnArchive {
    @Mixin Options.OnlyNewsletter only;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path file;

    @Override
    public Integer call() throws Exception {
      String md = archive().markdown(only.id);
      if (file == null) {
        out().print(md);
      } else {
        Files.writeString(file, md, StandardCharsets.UTF_8);
        out().printf("Wrote %s.%n", file);
      }
      return ExitCodes.OK;
    }
  }
}
