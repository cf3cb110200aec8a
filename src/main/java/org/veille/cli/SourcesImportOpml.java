package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.Opml;
import org.veille.config.SourceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille sources import-opml FILE}: feeds.yaml entries for an OPML file's feeds. */
@Command(
    name = "import-opml",
    mixinStandardHelpOptions = true,
    description =
        "Print feeds.yaml entries for the feeds of an OPML file, or append them with --write.")
final class SourcesImportOpml implements Callable<Integer> {
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
