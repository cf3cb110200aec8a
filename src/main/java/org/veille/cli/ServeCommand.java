package org.veille.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.veille.app.Context;
import org.veille.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veille serve}: the local web interface, until Ctrl-C or SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web interface (search, items, the week's drafts, the preview, the archive, sources, status) on"
          + " http://127.0.0.1:8080/ until stopped by Ctrl-C or SIGTERM.",
      "Binding to another address needs --password-env (HTTP Basic, behind a reverse proxy)."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Listen listen;

  @Override
  public Integer call() throws Exception {
    Context ctx = root.context();
    ctx.config(); // a broken config is reported before the server starts
    Optional<String> password = listen.password(ctx);
    CountDownLatch stopped = new CountDownLatch(1);
    try (WebServer server = WebServer.start(ctx, listen.bind, listen.port, password)) {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Veille on http://%s:%d/ (Ctrl-C to stop)%n", listen.bind, server.port());
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "veille-serve-stop"));
      stopped.await();
    }
    return ExitCodes.OK;
  }
}
