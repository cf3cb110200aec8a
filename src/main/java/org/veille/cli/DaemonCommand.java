package org.veille.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.crawl.CrawlListener;
import org.veille.crawl.CrawlReport;
import org.veille.crawl.Crawler;
import org.veille.digest.Period;
import org.veille.mail.Mailer;
import org.veille.mail.SendReport;
import org.veille.schedule.Catchup;
import org.veille.schedule.Daemon;
import org.veille.store.Delivery;
import org.veille.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code veille daemon}: crawls and sends the newsletter on the schedules of {@code
 * settings.schedule} until stopped. The config is read again at every run: a broken file is refused
 * with a log line and the previous one keeps running.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Run the schedules of settings.schedule (crawl and newsletter) until stopped by SIGTERM or Ctrl-C.",
      "Takes the writer lock only while a job runs, so a crawl from cron or by hand can run in between."
    })
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger("veille.daemon");

  /** How long a job waits for another writer (a crawl from cron, say) before giving up this run. */
  static final Duration JOB_LOCK_WAIT = Duration.ofMinutes(10);

  static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);

  @ParentCommand VeilleCommand root;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "Append the daemon's log to FILE instead of stderr.")
  Path logFile;

  private volatile Config current;
  private final AtomicReference<Crawler> crawling = new AtomicReference<>();

  @Override
  public Integer call() throws Exception {
    AppContext first = root.context();
    current = first.config();
    first.tagger(); // topic queries must parse before the daemon starts
    logging();
    var schedule = current.settings().schedule();
    var zone = current.settings().timezone();
    var now = first.clock().instant();
    Daemon daemon =
        new Daemon(
            zone,
            List.of(
                new Daemon.Spec(
                    "crawl",
                    schedule.crawl(),
                    this::crawl,
                    this::stopCrawl,
                    () -> Catchup.crawlDue(lastCrawl(first), schedule.crawl(), zone, now)),
                new Daemon.Spec(
                    "newsletter",
                    schedule.newsletter(),
                    this::newsletter,
                    () -> {},
                    () -> newsletterOwed(first, schedule.newsletter()))),
            first.dataDir().resolve("daemon.json"),
            first.clock());
    stopOnSignals(daemon);
    daemon.start();
    while (!daemon.awaitStop(1, TimeUnit.HOURS)) {
      // runs until SIGTERM or SIGINT: the shutdown hook stops the daemon
    }
    return ExitCodes.OK;
  }

  /**
   * SIGTERM and SIGINT ask the daemon to stop; the command then returns 0. A shutdown hook covers
   * the other ways a JVM ends.
   */
  @SuppressWarnings("removal")
  private static void stopOnSignals(Daemon daemon) {
    Runnable stop =
        () -> {
          Thread t = new Thread(() -> daemon.stop(STOP_TIMEOUT), "veille-stop");
          t.setDaemon(true);
          t.start();
        };
    for (String name : List.of("TERM", "INT")) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> stop.run());
      } catch (IllegalArgumentException e) {
        log.debug("cannot handle SIG{}: {}", name, e.getMessage());
      }
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> daemon.stop(STOP_TIMEOUT), "veille-exit"));
  }

  /** A context on the config as it is on disk now, or on the last valid one. */
  private AppContext context() {
    AppContext probe = root.context();
    try {
      Config fresh = probe.config();
      new AppContext(fresh, root.data, probe.env(), probe.clock()).tagger();
      if (!fresh.equals(current)) {
        log.info("config {} changed: the new version is used from this run on", fresh.file());
      }
      current = fresh;
    } catch (ConfigException e) {
      log.warn("config refused, the previous one keeps running: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("config refused, the previous one keeps running: {}", e.getMessage());
    }
    return new AppContext(current, root.data, probe.env(), probe.clock());
  }

  private String crawl() throws Exception {
    AppContext ctx = context();
    CrawlReport r =
        Operations.crawl(
            ctx,
            ctx.config().enabledSources(),
            false,
            CrawlListener.NONE,
            JOB_LOCK_WAIT,
            why -> log.info("crawl: {}", why),
            crawling);
    return String.format(
        "%d sources: %d ok (%d not modified), %d failed, %d skipped; %d new items, %d updated",
        r.sources(),
        r.ok(),
        r.notModified(),
        r.failed(),
        r.skipped(),
        r.newItems(),
        r.updatedItems());
  }

  private void stopCrawl() {
    Crawler c = crawling.get();
    if (c != null) {
      c.stop();
    }
  }

  private String newsletter() throws Exception {
    AppContext ctx = context();
    Period period =
        Period.lastCompletedWeek(ctx.clock().instant(), ctx.config().settings().timezone());
    SendReport r =
        Operations.newsletter(ctx, period, JOB_LOCK_WAIT, why -> log.info("newsletter: {}", why));
    String summary =
        String.format(
            "week %s: %d sent, %d already sent, %d failed, %d still owed",
            r.week(),
            r.count(SendReport.Outcome.SENT),
            r.count(SendReport.Outcome.ALREADY_SENT),
            r.count(SendReport.Outcome.FAILED) + r.count(SendReport.Outcome.ALREADY_FAILED),
            r.count(SendReport.Outcome.PENDING));
    if (r.incomplete()) {
      StringBuilder sb = new StringBuilder(summary);
      r.lines().stream()
          .filter(
              l ->
                  l.outcome() == SendReport.Outcome.PENDING
                      || l.outcome() == SendReport.Outcome.FAILED)
          .forEach(l -> sb.append("; ").append(l.recipient()).append(": ").append(l.error()));
      throw new IllegalStateException(sb.toString());
    }
    return summary;
  }

  private static java.util.Optional<java.time.Instant> lastCrawl(AppContext ctx) {
    try (SqliteStore store = ctx.openStore()) {
      return store.lastCrawl().map(org.veille.store.CrawlRun::at);
    } catch (ConfigException e) {
      return java.util.Optional.empty();
    }
  }

  /** The newsletter of the last scheduled run is owed to someone: it was missed. */
  private static boolean newsletterOwed(AppContext ctx, String cron) {
    try {
      Config c = ctx.config();
      var zone = c.settings().timezone();
      var fire = Catchup.lastFire(cron, zone, ctx.clock().instant());
      if (fire.isEmpty()) {
        return false;
      }
      String week = Period.lastCompletedWeek(fire.get(), zone).name();
      try (SqliteStore store = ctx.openStore()) {
        var ledger = store.deliveries(week);
        return Mailer.audience(c.settings().newsletter()).stream()
            .anyMatch(
                r -> ledger.get(r) == null || ledger.get(r).status() == Delivery.Status.PENDING);
      }
    } catch (ConfigException e) {
      return false;
    }
  }

  /** One line per job run at INFO, on stderr or in the --log file. */
  private void logging() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ch.qos.logback.classic.Logger daemon = ctx.getLogger("veille.daemon");
    daemon.setLevel(root.quiet() ? Level.WARN : Level.INFO);
    if (logFile != null) {
      PatternLayoutEncoder enc = new PatternLayoutEncoder();
      enc.setContext(ctx);
      enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
      enc.start();
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setContext(ctx);
      file.setFile(logFile.toString());
      file.setAppend(true);
      file.setEncoder(enc);
      file.start();
      ch.qos.logback.classic.Logger rootLogger = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      rootLogger.detachAndStopAllAppenders();
      rootLogger.addAppender(file);
    }
  }
}
