package org.veille.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.app.Backups;
import org.veille.app.Context;
import org.veille.app.Crawl;
import org.veille.app.DaemonState;
import org.veille.app.Newsletter;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.crawl.CrawlListener;
import org.veille.crawl.CrawlReport;
import org.veille.digest.Period;
import org.veille.mail.SendReport;
import org.veille.store.Snapshot;

/**
 * {@code veille daemon}'s jobs: the crawl and the newsletter use cases on the cron schedules of
 * {@code settings.schedule}, with the catch-up rules at start (a crawl when the last one is older
 * than the crawl interval; the newsletter of the last scheduled run when someone is still owed it).
 * The config is read again at every run: a broken file is refused with a log line and the previous
 * one keeps running.
 */
public final class DaemonJobs {
  private static final Logger log = LoggerFactory.getLogger("veille.daemon");

  /** How long a job waits for another writer (a crawl from cron, say) before giving up this run. */
  static final Duration JOB_LOCK_WAIT = Duration.ofMinutes(30);

  static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);

  private final Context start;
  private volatile Config current;
  private volatile Crawl crawling;
  private final boolean catchUpAll;

  /**
   * Jobs on the config of {@code start}, which must already be loaded and valid.
   *
   * @throws ConfigException when it is not
   */
  public DaemonJobs(Context start) throws ConfigException {
    this(start, false);
  }

  /**
   * Jobs as {@link #DaemonJobs(Context)}; with {@code catchUpAll}, a newsletter missed before the
   * daemon's first start in this data folder is caught up too.
   */
  public DaemonJobs(Context start, boolean catchUpAll) throws ConfigException {
    this.start = start;
    this.current = start.config();
    this.catchUpAll = catchUpAll;
  }

  /** Runs the daemon until SIGTERM or SIGINT stops it. */
  public void runUntilStopped() throws ConfigException, org.quartz.SchedulerException {
    var schedule = current.settings().schedule();
    ZoneId zone = current.settings().timezone();
    Instant now = start.now();
    Instant firstStart = DaemonState.firstStart(start.dataDir(), now);
    List<Daemon.Spec> specs =
        new java.util.ArrayList<>(
            List.of(
                new Daemon.Spec(
                    "crawl",
                    schedule.crawl(),
                    this::crawl,
                    this::stopCrawl,
                    () -> Catchup.crawlDue(lastCrawl(), schedule.crawl(), zone, now)),
                new Daemon.Spec(
                    "newsletter",
                    schedule.newsletter(),
                    this::newsletter,
                    () -> {},
                    () -> newsletterOwed(schedule.newsletter(), firstStart))));
    current
        .settings()
        .backup()
        .cron()
        .ifPresent(
            cron ->
                specs.add(new Daemon.Spec("backup", cron, this::backup, () -> {}, () -> false)));
    Daemon daemon = new Daemon(zone, specs, start.dataDir().resolve("daemon.json"), start.clock());
    stopOnSignals(daemon);
    daemon.start();
    try {
      while (!daemon.awaitStop(1, TimeUnit.HOURS)) {
        // runs until SIGTERM or SIGINT: the handlers stop the daemon
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      daemon.stop(STOP_TIMEOUT);
    }
  }

  /**
   * SIGTERM and SIGINT ask the daemon to stop; a shutdown hook covers the other ways a JVM ends.
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
  private Context context() {
    try {
      Config fresh = start.reloaded().config();
      if (!fresh.equals(current)) {
        log.info("config {} changed: the new version is used from this run on", fresh.file());
      }
      current = fresh;
    } catch (ConfigException | RuntimeException e) {
      log.warn("config refused, the previous one keeps running: {}", e.getMessage());
    }
    return start.withConfig(current);
  }

  private String crawl() throws Exception {
    Context ctx = context();
    Crawl crawl = new Crawl(ctx);
    crawling = crawl;
    CrawlReport r;
    try {
      r =
          crawl.run(
              ctx.config().enabledSources(),
              false,
              CrawlListener.NONE,
              JOB_LOCK_WAIT,
              why -> log.info("crawl: {}", why));
    } finally {
      crawling = null;
    }
    return r.sources() + " sources: " + r.counts();
  }

  /**
   * A scheduled backup into settings.backup.dir, the oldest beyond settings.backup.keep deleted.
   */
  private String backup() throws Exception {
    Context ctx = context();
    var b = ctx.config().settings().backup();
    Snapshot s = new Backups(ctx).backupAndRotate(b.folder(ctx.dataDir()), b.keep());
    return s.file() + ": " + s.summary();
  }

  private void stopCrawl() {
    Crawl c = crawling;
    if (c != null) {
      c.stop();
    }
  }

  private String newsletter() throws Exception {
    Context ctx = context();
    Period period = Period.lastCompletedWeek(ctx.now(), ctx.config().settings().timezone());
    List<Newsletter.Run> runs =
        new Newsletter(ctx)
            .send(period, null, JOB_LOCK_WAIT, why -> log.info("newsletter: {}", why), false, true);
    List<String> summaries = new ArrayList<>();
    StringBuilder problems = new StringBuilder();
    for (Newsletter.Run run : runs) {
      String id = run.audience().id();
      run.notes().forEach(n -> log.info("newsletter {} {}: {}", id, run.week(), n));
      String name = runs.size() == 1 ? "" : id + ": ";
      if (run.outcome() == Newsletter.Outcome.HELD) {
        summaries.add(name + "held, not approved");
        continue;
      }
      if (run.outcome() == Newsletter.Outcome.NO_LETTER) {
        summaries.add(name + "no letter");
        continue;
      }
      SendReport r = run.report();
      summaries.add(
          String.format(
              "%s%d sent, %d already sent, %d failed, %d still owed%s",
              name,
              r.count(SendReport.Outcome.SENT),
              r.count(SendReport.Outcome.ALREADY_SENT),
              r.count(SendReport.Outcome.FAILED) + r.count(SendReport.Outcome.ALREADY_FAILED),
              r.count(SendReport.Outcome.PENDING),
              r.unknown().isEmpty() ? "" : ", " + r.unknown().size() + " delivery unknown"));
      r.lines().stream()
          .filter(
              l ->
                  l.outcome() == SendReport.Outcome.PENDING
                      || l.outcome() == SendReport.Outcome.FAILED
                      || l.outcome() == SendReport.Outcome.UNKNOWN)
          .forEach(l -> problems.append("; ").append(l.recipient()).append(": ").append(l.error()));
    }
    String summary = "week " + period.name() + ": " + String.join("; ", summaries);
    if (problems.length() > 0) {
      throw new IllegalStateException(summary + problems);
    }
    return summary;
  }

  private Optional<Instant> lastCrawl() {
    try {
      return new Crawl(start).lastRun();
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  /**
   * The newsletter of the last scheduled run is owed to someone: it was missed. A run scheduled
   * before the daemon's first start here was not missed by it (unless told to catch up all).
   */
  private boolean newsletterOwed(String cron, Instant firstStart) {
    try {
      ZoneId zone = current.settings().timezone();
      Optional<Instant> fire = Catchup.lastFire(cron, zone, start.now());
      if (fire.isEmpty()) {
        return false;
      }
      if (!catchUpAll && fire.get().isBefore(firstStart)) {
        log.info(
            "newsletter: the run of {} came before this daemon's first start here ({}); not"
                + " catching it up (start with --catch-up to send it)",
            fire.get(),
            firstStart);
        return false;
      }
      String week = Period.lastCompletedWeek(fire.get(), zone).name();
      return new Newsletter(start.withConfig(current)).owed(week);
    } catch (ConfigException e) {
      return false;
    }
  }
}
