package org.veille.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Sources;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.crawl.ProbeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille sources check}: the config validated, then each source probed once. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Validate the config, then fetch each source once and report what it holds (stores nothing).")
final class SourcesCheck implements Callable<Integer> {
  @ParentCommand SourcesCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--all", description = "Probe disabled sources too.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    Context ctx = parent.root.context();
    Config config = ctx.config();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Sources sourcesCase = new Sources(ctx);
    Sources.Validation v = sourcesCase.validate();
    if (!v.errors().isEmpty()) {
      v.errors().forEach(e -> err.println("veille: " + e));
      err.printf(
          "veille: %s: %s; nothing probed.%n",
          config.file(), Plural.of(v.errors().size(), "problem"));
      return ExitCodes.USAGE;
    }
    v.warnings().forEach(w -> err.println("veille: warning: " + w));
    out.printf(
        "%s: config OK (%s, %d enabled, %s).%n",
        config.file(),
        Plural.of(config.sources().size(), "source"),
        config.enabledSources().size(),
        Plural.of(config.topics().size(), "topic"));
    List<SourceConfig> probe = all ? config.sources() : config.enabledSources();
    List<ProbeResult> results = sourcesCase.probe(probe);
    Table t = new Table("ID", "RESULT", "FOUND");
    int failed = 0;
    int enabledFailed = 0;
    for (ProbeResult r : results) {
      if (r.ok()) {
        t.row(
            r.sourceId(),
            "ok",
            r.format()
                + ", "
                + Plural.of(r.items(), "item")
                + r.discoveredFeedUrl().map(u -> " (feed found at " + u + ")").orElse(""));
      } else {
        failed++;
        boolean enabled = config.source(r.sourceId()).map(SourceConfig::enabled).orElse(true);
        enabledFailed += enabled ? 1 : 0;
        t.row(r.sourceId(), enabled ? "FAILED" : "FAILED (disabled)", r.error());
      }
    }
    t.print(out, Table.width(parent.root.env()));
    out.printf(
        "%s probed: %d ok, %d failed.%n",
        Plural.of(results.size(), "source"), results.size() - failed, failed);
    if (enabledFailed > 0) {
      err.printf(
          "veille: %s of %d enabled failed the probe; a crawl would not get %s.%n",
          Plural.of(enabledFailed, "source"),
          config.enabledSources().size(),
          enabledFailed == 1 ? "its items" : "their items");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
