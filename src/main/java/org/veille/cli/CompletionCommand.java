package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code veille completion bash|zsh}: the shell completion script for every command and option,
 * made from the commands themselves. The zsh script is the bash one: it loads zsh's {@code
 * bashcompinit} itself.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script for bash or zsh.",
      "bash: source <(veille completion bash)   (or save it in ~/.local/share/bash-completion/completions/veille)",
      "zsh:  source <(veille completion zsh)    (in ~/.zshrc)"
    })
final class CompletionCommand implements Callable<Integer> {
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the script to FILE instead of stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    String script = script(spec.root().commandLine(), shell);
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(script);
      w.flush();
    } else {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.writeString(out, script, StandardCharsets.UTF_8);
    }
    return ExitCodes.OK;
  }

  /** The completion script of {@code root} for {@code shell}. */
  static String script(CommandLine root, Shell shell) {
    String bash = AutoComplete.bash("veille", root);
    if (shell == Shell.bash) {
      return bash;
    }
    return "# zsh completion for veille: add 'source <(veille completion zsh)' to ~/.zshrc.\n"
        + bash;
  }
}
