package org.veille.cli;

import org.veille.app.RequestException;
import org.veille.config.ConfigException;
import org.veille.index.IndexDamagedException;
import org.veille.mail.MailException;
import org.veille.store.StoreException;
import org.veille.store.WriterLock;
import picocli.CommandLine;

/**
 * Turns exceptions into a one-line message on stderr and an exit code; the stack trace only with
 * {@code --verbose}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  private final VeilleCommand root;

  Failures(VeilleCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    var err = cl.getErr();
    int code;
    if (e instanceof ConfigException
        || e instanceof UsageException
        || e instanceof RequestException
        || e instanceof MailException
        || e instanceof WriterLock.LockedException) {
      err.println("veille: " + e.getMessage());
      code = ExitCodes.USAGE;
    } else if (e instanceof StoreException || e instanceof IndexDamagedException) {
      err.println("veille: " + e.getMessage());
      code = ExitCodes.FAILURE;
    } else if (e instanceof InterruptedException) {
      err.println("veille: interrupted");
      code = ExitCodes.FAILURE;
    } else {
      err.println(
          "veille: unexpected error: "
              + e
              + (root.verbose() ? "" : " (run with --verbose for details)"));
      code = ExitCodes.FAILURE;
    }
    if (root.verbose()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
