package org.veille.cli;

import java.util.concurrent.Callable;
import org.veille.app.Context;
import org.veille.app.Sources;
import org.veille.config.Config;
import org.veille.config.Opml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille sources export-opml}: the sources as OPML 2.0. */
@Command(
    name = "export-opml",
    mixinStandardHelpOptions = true,
    description = "Print the sources as OPML 2.0.")
final class SourcesExportOpml implements Callable<Integer> {
  @ParentCommand SourcesCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Context ctx = parent.root.context();
    Config config = ctx.config();
    spec.commandLine()
        .getOut()
        .print(
            Opml.write(
                config.settings().newsletter().title(),
                config.sources(),
                new Sources(ctx).discoveredFeeds()));
    return ExitCodes.OK;
  }
}
