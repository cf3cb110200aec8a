package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Digests;
import org.veille.config.Config;
import org.veille.digest.Digest;
import org.veille.digest.DigestArchive;
import org.veille.digest.DigestRenderer;
import org.veille.digest.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille digest}: render the digest of a week or a period. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Render the digest of a week (default: the last completed ISO week in settings.timezone).",
      "Without --out, writes data/digests/WEEK.{html,txt,md,json} and refreshes data/digests/digests.xml."
    })
final class DigestCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Week week;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day of a custom period (with --to).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last day of a custom period, included.")
  String to;

  @Option(
      names = "--newsletter",
      paramLabel = "ID",
      description = "The letter of this audience (default: the first of feeds.yaml, main).")
  String newsletter;

  @Option(names = "--format", description = "html, text, md, rss or json (default: html).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "PATH",
      description = "Write this format to PATH ('-' for stdout) instead of data/digests/.")
  String out;

  enum Format {
    html,
    text,
    md,
    rss,
    json
  }

  static Period period(String week, String from, String to, Config config, Context ctx) {
    var zone = config.settings().timezone();
    try {
      if (week != null) {
        if (from != null || to != null) {
          throw new UsageException("use either --week or --from/--to, not both");
        }
        return Period.week(week, zone);
      }
      if (from != null || to != null) {
        if (from == null || to == null) {
          throw new UsageException("--from and --to go together");
        }
        return Period.days(from, to, zone);
      }
      return Period.lastCompletedWeek(ctx.now(), zone);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    Config config = ctx.config();
    Period period = period(week.week, from, to, config, ctx);
    Digests digests = new Digests(ctx, newsletter);
    Digest digest = digests.build(period);
    PrintWriter stdout = spec.commandLine().getOut();
    Format f = format == null ? Format.html : format;
    if (out != null) {
      String content = f == Format.rss ? digests.feed() : digests.render(digest, rendererFormat(f));
      if (out.equals("-")) {
        stdout.print(content);
      } else {
        write(Path.of(out), content);
        stdout.printf("Wrote %s.%n", out);
      }
      return ExitCodes.OK;
    }
    List<Path> written = digests.publish(digest);
    Path main =
        f == Format.rss
            ? digests.dir().resolve(DigestArchive.FEED)
            : digests.dir().resolve(digests.name(period) + "." + rendererFormat(f).extension());
    stdout.printf(
        "%s: %s (%d articles from %d sources, %d shown)%n",
        digests.subject(digest), main, digest.items(), digest.sources(), digest.shown().size());
    if (!root.quiet()) {
      for (Path p : written) {
        if (!p.equals(main)) {
          stdout.printf("  also %s%n", p);
        }
      }
    }
    return ExitCodes.OK;
  }

  private static DigestRenderer.Format rendererFormat(Format f) {
    return switch (f) {
      case text -> DigestRenderer.Format.TEXT;
      case md -> DigestRenderer.Format.MD;
      case json -> DigestRenderer.Format.JSON;
      default -> DigestRenderer.Format.HTML;
    };
  }

  private static void write(Path p, String content) throws IOException {
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }
}
