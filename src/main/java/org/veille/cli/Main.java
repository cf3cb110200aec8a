package org.veille.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code veille}. */
public final class Main {
  private static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  private Main() {}

  public static void main(String[] args) {
    // With one core to spare (two-core servers), the common pool has a parallelism of 1 and every
    // CompletableFuture stage run "async" gets a new thread: the JDK's HttpClient hands each
    // response over that way, which made a thread per fetch (1,000 per crawl of 1,000 feeds).
    // Set before anything loads ForkJoinPool; an explicit -D setting wins.
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
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
