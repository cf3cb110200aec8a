package org.veille.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code veille}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command with {@code env} standing for the process environment, and returns its exit
   * code: 0 done, 1 unexpected failure, 2 bad usage, config or query.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    VeilleCommand root = new VeilleCommand(env);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    cl.setExecutionExceptionHandler(new Failures(root));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("veille: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
