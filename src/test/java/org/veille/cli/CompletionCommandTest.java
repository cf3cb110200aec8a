package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;

/** {@code veille completion bash|zsh} and {@code veille help [COMMAND]}. */
class CompletionCommandTest {
  @TempDir Path dir;

  private Cli cli() {
    return new Cli(dir, "sources: []\n");
  }

  @Test
  void bashScriptCompletesEveryCommandAndItsOptions() {
    Cli.Result r = cli().run("completion", "bash");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
    assertTrue(r.out().contains("complete -F _complete_veille -o default veille"), r.out());
    for (String command :
        new String[] {"crawl", "search", "digest", "send", "sources", "export", "completion"}) {
      assertTrue(r.out().contains(command), command);
    }
    assertTrue(r.out().contains("--facets"), "search's options are completed");
    assertTrue(r.out().contains("import-opml"), "subcommands of sources are completed");
  }

  @Test
  void zshScriptIsTheSameScriptLoadingBashcompinit() {
    Cli.Result r = cli().run("completion", "zsh");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("bashcompinit"), r.out());
    assertTrue(r.out().contains("source <(veille completion zsh)"), r.out());
  }

  @Test
  void writesTheScriptToAFile() throws Exception {
    Path out = dir.resolve("completion/veille");
    Cli.Result r = cli().run("completion", "bash", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("_complete_veille"));
  }

  @Test
  void anotherShellIsABadUsageNamingTheChoices() {
    Cli.Result r = cli().run("completion", "fish");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("fish"), r.err());
    assertTrue(r.err().contains("bash, zsh"), r.err());
  }

  @Test
  void helpShowsACommandsUsage() {
    Cli.Result r = cli().run("help", "search");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Usage: veille search"), r.out());
    assertTrue(r.out().contains("--facets"), r.out());
    Cli.Result all = cli().run("help");
    assertEquals(0, all.code(), all.toString());
    assertTrue(all.out().contains("completion"), all.out());
    assertTrue(all.out().contains("Full-text search of the stored items"), all.out());
    assertFalse(all.out().contains("wildcards*, and the\n"), "the summary is a whole sentence");
  }

  @Test
  void helpOnAnUnknownCommandSaysSo() {
    Cli.Result r = cli().run("help", "serch");
    assertEquals(2, r.code(), r.toString());
    assertTrue((r.out() + r.err()).contains("serch"), r.toString());
  }
}
