package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veille.app.Context;
import org.veille.app.Sources;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.Opml;
import org.veille.config.SourceConfig;
import org.veille.crawl.ProbeResult;
import org.veille.store.SourceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille sources}: health, config check and probe, OPML in and out. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "Source health; config check and probe; OPML in and out.",
    subcommands = {
      SourcesCommand.ListCommand.class,
      SourcesCommand.CheckCommand.class,
      SourcesCommand.ImportOpml.class,
      SourcesCommand.ExportOpml.class
    })
final class SourcesCommand implements Runnable {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every source with its last fetch and health.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand SourcesCommand parent;
    @Spec CommandSpec spec;

    @Mixin Options.TextOrJson format;

    @Override
    public Integer call() throws Exception {
      Context ctx = parent.root.context();
      Config config = ctx.config();
      List<Sources.Health> sources = new Sources(ctx).list();
      PrintWriter out = spec.commandLine().getOut();
      ZoneId zone = config.settings().timezone();
      if (format.json()) {
        try (Json json = new Json(out)) {
          JsonGenerator g = json.gen();
          g.writeStartArray();
          for (Sources.Health h : sources) {
            SourceConfig c = h.config();
            SourceStatus s = h.status();
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("type", c.type().label());
            g.writeStringField("url", c.url().toString());
            g.writeBooleanField("enabled", c.enabled());
            g.writeStringField("last_fetch", s == null ? null : Times.iso(s.lastFetchAt()));
            g.writeStringField("last_status", s == null ? null : s.lastStatus());
            g.writeStringField("last_error", s == null ? null : s.lastError());
            g.writeNumberField("items", s == null ? 0 : s.items());
            g.writeNumberField("consecutive_failures", s == null ? 0 : s.consecutiveFailures());
            g.writeStringField("next_attempt", s == null ? null : Times.iso(s.nextAttemptAt()));
            g.writeBooleanField("broken_selector", s != null && s.brokenSelector());
            g.writeBooleanField("healthy", s == null || s.healthy());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        out.println();
        return ExitCodes.OK;
      }
      Table t =
          new Table("ID", "TYPE", "LAST FETCH", "STATUS", "ITEMS", "FAILS", "NEXT TRY", "HEALTH");
      int unhealthy = 0;
      for (Sources.Health h : sources) {
        SourceConfig c = h.config();
        SourceStatus s = h.status();
        String health;
        if (!c.enabled()) {
          health = "disabled";
        } else if (s == null || s.lastStatus() == null) {
          health = "never fetched";
        } else if (s.healthy()) {
          health = "healthy";
        } else {
          unhealthy++;
          health = "UNHEALTHY: " + (s.brokenSelector() ? "broken selector" : s.lastError());
        }
        t.row(
            c.id(),
            c.type().label(),
            s == null ? "-" : Times.shortTime(s.lastFetchAt(), zone),
            s == null || s.lastStatus() == null ? "-" : s.lastStatus(),
            s == null ? 0 : s.items(),
            s == null ? 0 : s.consecutiveFailures(),
            s == null ? "-" : Times.shortTime(s.nextAttemptAt(), zone),
            health);
      }
      t.print(out, Table.width());
      out.printf("%d sources, %d unhealthy.%n", config.sources().size(), unhealthy);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validate the config, then fetch each source once and report what it holds (stores nothing).")
  static final class CheckCommand implements Callable<Integer> {
    @ParentCommand SourcesCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Probe disabled sources too.")
    boolean all;

    @Override
    public Integer call() throws Exception {
      Context ctx = parent.root.context();
      Config config = ctx.config();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%s: config OK (%d sources, %d enabled, %d topics).%n",
          config.file(),
          config.sources().size(),
          config.enabledSources().size(),
          config.topics().size());
      List<SourceConfig> probe = all ? config.sources() : config.enabledSources();
      List<ProbeResult> results = new Sources(ctx).probe(probe);
      Table t = new Table("ID", "RESULT", "FOUND");
      int failed = 0;
      for (ProbeResult r : results) {
        if (r.ok()) {
          t.row(
              r.sourceId(),
              "ok",
              r.format()
                  + ", "
                  + r.items()
                  + " items"
                  + r.discoveredFeedUrl().map(u -> " (feed found at " + u + ")").orElse(""));
        } else {
          failed++;
          t.row(r.sourceId(), "FAILED", r.error());
        }
      }
      t.print(out, Table.width());
      out.printf(
          "%d sources probed: %d ok, %d failed.%n",
          results.size(), results.size() - failed, failed);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "import-opml",
      mixinStandardHelpOptions = true,
      description =
          "Print feeds.yaml entries for the feeds of an OPML file, or append them with --write.")
  static final class ImportOpml implements Callable<Integer> {
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z_]+)\\s*:");

    @ParentCommand SourcesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "OPML file exported by a feed reader.")
    Path file;

    @Option(names = "--write", description = "Append the new sources to the config file.")
    boolean write;

    @Override
    public Integer call() throws Exception {
      Config config = parent.root.context().config();
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new UsageException(file + ": no such file");
      }
      List<Opml.Entry> entries;
      try {
        entries =
            Opml.read(
                bytes,
                config.sources().stream().map(SourceConfig::id).toList(),
                config.sources().stream().map(s -> s.url().toString()).toList());
      } catch (IllegalArgumentException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      String yaml = Opml.toYaml(entries);
      if (!write) {
        out.print(yaml);
        out.printf(
            "# %d new feeds from %s (already configured ones skipped)%n", entries.size(), file);
        return ExitCodes.OK;
      }
      if (entries.isEmpty()) {
        out.printf("No new feeds in %s; %s unchanged.%n", file, config.file());
        return ExitCodes.OK;
      }
      append(config.file(), yaml, parent.root.context().backends().checks());
      out.printf("Added %d sources to %s.%n", entries.size(), config.file());
      return ExitCodes.OK;
    }

    private static void append(Path configFile, String yaml, Checks checks) throws Exception {
      String text = Files.readString(configFile, StandardCharsets.UTF_8);
      String last = null;
      Matcher m = TOP_KEY.matcher(text);
      while (m.find()) {
        last = m.group(1);
      }
      if (!"sources".equals(last)) {
        throw new UsageException(
            configFile
                + ": 'sources' is not the last section of the file, so"
                + " entries cannot be appended safely; run without --write and paste them under sources:");
      }
      String updated = (text.endsWith("\n") ? text : text + "\n") + yaml;
      Config.parse(configFile, updated, checks); // never write a file that would not load
      Path tmp = configFile.resolveSibling(configFile.getFileName() + ".tmp");
      Files.writeString(tmp, updated, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.move(tmp, configFile, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Command(
      name = "export-opml",
      mixinStandardHelpOptions = true,
      description = "Print the sources as OPML 2.0.")
  static final class ExportOpml implements Callable<Integer> {
    @ParentCommand SourcesCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Config config = parent.root.context().config();
      spec.commandLine()
          .getOut()
          .print(Opml.write(config.settings().newsletter().title(), config.sources()));
      return ExitCodes.OK;
    }
  }
}
