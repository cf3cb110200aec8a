package org.veille.schedule;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.app.DaemonState;

/**
 * Runs jobs on Quartz cron schedules in a time zone. A job never overlaps itself; a job whose
 * {@code catchUp} says so runs once at start (a crawl gone stale, a newsletter still owed). Each
 * run is logged on one line and recorded in the state file. {@link #stop} starts no new run and
 * waits for running ones.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("veille.daemon");
  private static final String DAEMON = "veille.daemon";

  /** The work of a job; returns a one-line summary of what it did. */
  @FunctionalInterface
  public interface Task {
    String run() throws Exception;
  }

  /**
   * A job: its name, cron expression, work, what to do to stop it early, and whether to catch up at
   * start.
   */
  public record Spec(
      String name, String cron, Task task, Runnable interrupt, BooleanSupplier catchUp) {}

  private final ZoneId zone;
  private final List<Spec> specs;
  private final DaemonState state;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Scheduler scheduler;
  private volatile boolean stopping;

  public Daemon(ZoneId zone, List<Spec> specs, Path stateFile, Clock clock) {
    this.zone = zone;
    this.specs = List.copyOf(specs);
    this.clock = clock;
    this.state = new DaemonState(stateFile, ProcessHandle.current().pid(), clock.instant());
  }

  public DaemonState state() {
    return state;
  }

  /** Schedules every job, then runs the catch-ups that are due. */
  public void start() throws SchedulerException {
    Properties p = new Properties();
    p.put("org.quartz.scheduler.instanceName", "veille");
    p.put("org.quartz.scheduler.skipUpdateCheck", "true");
    p.put("org.quartz.threadPool.threadCount", String.valueOf(Math.max(1, specs.size())));
    p.put("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.put("org.quartz.jobStore.misfireThreshold", "60000");
    scheduler = new StdSchedulerFactory(p).getScheduler();
    scheduler.getContext().put(DAEMON, this);
    for (Spec s : specs) {
      var cron =
          CronScheduleBuilder.cronSchedule(s.cron())
              .inTimeZone(TimeZone.getTimeZone(zone))
              .withMisfireHandlingInstructionDoNothing();
      var job =
          JobBuilder.newJob(RunTask.class)
              .withIdentity(s.name())
              .usingJobData("name", s.name())
              .storeDurably()
              .build();
      Trigger t = TriggerBuilder.newTrigger().withIdentity(s.name()).withSchedule(cron).build();
      scheduler.scheduleJob(job, t);
      state.put(
          s.name(),
          state
              .job(s.name())
              .orElse(new DaemonState.JobState(null, null, null, null, 0, null))
              .withNext(next(s.cron())));
    }
    // Decided before the first scheduled run can start: a check reads the store, which that run
    // may be creating.
    List<Spec> owed = specs.stream().filter(Daemon::owesARun).toList();
    scheduler.start();
    log.info(
        "daemon started (pid {}): {}",
        state.pid(),
        specs.stream().map(s -> s.name() + " \"" + s.cron() + "\"").toList());
    for (Spec s : owed) {
      log.info("{}: catching up a run missed while the daemon was down", s.name());
      scheduler.triggerJob(
          JobKey.jobKey(s.name()), new org.quartz.JobDataMap(java.util.Map.of("catchup", "true")));
    }
  }

  /** Whether {@code s} owes a run; a check that fails is logged and owes none (never fatal). */
  private static boolean owesARun(Spec s) {
    try {
      return s.catchUp().getAsBoolean();
    } catch (RuntimeException e) {
      log.warn(
          "{}: cannot tell whether a run was missed ({}); the schedule goes on",
          s.name(),
          e.getMessage() == null ? e.toString() : e.getMessage());
      return false;
    }
  }

  /** The next fire time of {@code cron} after now, in the daemon's zone. */
  Instant next(String cron) {
    try {
      CronExpression e = new CronExpression(cron);
      e.setTimeZone(TimeZone.getTimeZone(zone));
      Date d = e.getNextValidTimeAfter(Date.from(clock.instant()));
      return d == null ? null : d.toInstant();
    } catch (ParseException e) {
      return null;
    }
  }

  void run(String name, boolean catchUp) {
    Spec spec = specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    if (stopping) {
      return;
    }
    Instant lastEnd = state.job(name).map(DaemonState.JobState::lastEnd).orElse(null);
    if (catchUp && lastEnd != null && lastEnd.isAfter(state.since())) {
      log.info("{}: no catch-up needed, a scheduled run has just happened", name);
      return;
    }
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    state.put(name, state.job(name).orElseThrow().started(start));
    log.info("{}: started", name);
    String outcome;
    String summary;
    try {
      summary = spec.task().run();
      outcome = "ok";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "interrupted";
      summary = "stopped";
    } catch (Exception e) {
      outcome = "failed";
      summary = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    state.put(
        name,
        new DaemonState.JobState(start, clock.instant(), outcome, summary, ms, next(spec.cron())));
    if (outcome.equals("ok")) {
      log.info("{}: {} in {} s: {}", name, outcome, String.format("%.1f", ms / 1000.0), summary);
    } else {
      log.warn("{}: {} in {} s: {}", name, outcome, String.format("%.1f", ms / 1000.0), summary);
    }
  }

  /** Starts no new run, asks running ones to wrap up, and waits for them up to {@code timeout}. */
  public void stop(Duration timeout) {
    if (stopping) {
      return;
    }
    stopping = true;
    log.info("daemon stopping: the current work finishes, nothing new starts");
    try {
      if (scheduler != null) {
        scheduler.standby();
        specs.forEach(s -> s.interrupt().run());
        Thread waiter =
            new Thread(
                () -> {
                  try {
                    scheduler.shutdown(true);
                  } catch (SchedulerException e) {
                    log.warn("scheduler shutdown: {}", e.getMessage());
                  }
                },
                "veille-shutdown");
        waiter.setDaemon(true);
        waiter.start();
        waiter.join(timeout.toMillis());
        if (waiter.isAlive()) {
          log.warn("a job did not finish within {} s; exiting anyway", timeout.toSeconds());
        }
      }
    } catch (SchedulerException | InterruptedException e) {
      log.warn("daemon stop: {}", e.getMessage());
    } finally {
      state.stopped();
      log.info("daemon stopped");
      stopped.countDown();
    }
  }

  /** Blocks until {@link #stop} completed, or the timeout passed; true when stopped. */
  public boolean awaitStop(long amount, TimeUnit unit) throws InterruptedException {
    return stopped.await(amount, unit);
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(25));
  }

  /** The Quartz job: looks up the daemon and runs the named task; never two at once. */
  @DisallowConcurrentExecution
  public static final class RunTask implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      try {
        Daemon d = (Daemon) context.getScheduler().getContext().get(DAEMON);
        var data = context.getMergedJobDataMap();
        d.run(data.getString("name"), "true".equals(data.getString("catchup")));
      } catch (SchedulerException e) {
        log.warn("cannot run job: {}", e.getMessage());
      }
    }
  }
}
