package org.veille.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.app.DaemonState;

class DaemonTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  @TempDir Path dir;

  @Test
  void jobsRunOnScheduleNeverOverlapAndRecordTheirState() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    Daemon.Task slow =
        () -> {
          if (inFlight.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          Thread.sleep(1500); // longer than the one-second schedule
          inFlight.decrementAndGet();
          return "run " + runs.incrementAndGet();
        };
    Daemon d =
        new Daemon(
            PARIS,
            List.of(new Daemon.Spec("crawl", "* * * * * ?", slow, () -> {}, () -> false)),
            dir.resolve("daemon.json"),
            Clock.systemUTC());
    d.start();
    Thread.sleep(5_000);
    d.stop(Duration.ofSeconds(10));
    assertTrue(d.awaitStop(1, TimeUnit.SECONDS));
    assertTrue(
        runs.get() >= 2 && runs.get() <= 4, "ran back to back, not every second: " + runs.get());
    assertEquals(0, overlaps.get(), "never two runs at once");
    DaemonState s = DaemonState.read(dir.resolve("daemon.json")).orElseThrow();
    assertEquals(ProcessHandle.current().pid(), s.pid());
    assertFalse(s.running(), "stopped");
    DaemonState.JobState crawl = s.job("crawl").orElseThrow();
    assertEquals("ok", crawl.outcome());
    assertTrue(crawl.summary().startsWith("run "), crawl.summary());
    assertTrue(crawl.durationMs() >= 1400, "duration recorded: " + crawl.durationMs());
  }

  @Test
  void aFailingRunIsRecordedAndTheNextOneStillHappens() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Daemon.Task flaky =
        () -> {
          if (runs.incrementAndGet() == 1) {
            throw new IllegalStateException("SMTP server unavailable");
          }
          return "fine";
        };
    Daemon d =
        new Daemon(
            PARIS,
            List.of(new Daemon.Spec("newsletter", "* * * * * ?", flaky, () -> {}, () -> true)),
            dir.resolve("daemon.json"),
            Clock.systemUTC());
    d.start();
    long deadline = System.nanoTime() + 8_000_000_000L;
    while (runs.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(200);
    DaemonState s = DaemonState.read(dir.resolve("daemon.json")).orElseThrow();
    assertTrue(s.running(), "running while started");
    d.stop(Duration.ofSeconds(5));
    assertTrue(runs.get() >= 2, "catch-up at start, then the schedule");
    assertEquals(
        "ok",
        DaemonState.read(dir.resolve("daemon.json"))
            .orElseThrow()
            .job("newsletter")
            .orElseThrow()
            .outcome());
  }

  @Test
  void stopInterruptsTheRunningJobAndWaitsForIt() throws Exception {
    AtomicInteger stoppedEarly = new AtomicInteger();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    Daemon.Task longCrawl =
        () -> {
          started.countDown();
          for (int i = 0; i < 200 && !stop.get(); i++) {
            Thread.sleep(50); // one "source" at a time; stop is checked between them
          }
          stoppedEarly.set(stop.get() ? 1 : 0);
          return "stopped cleanly";
        };
    Daemon d =
        new Daemon(
            PARIS,
            List.of(
                new Daemon.Spec(
                    "crawl", "0 0 0 1 1 ? 2099", longCrawl, () -> stop.set(true), () -> true)),
            dir.resolve("daemon.json"),
            Clock.systemUTC());
    d.start();
    assertTrue(started.await(5, TimeUnit.SECONDS));
    long t0 = System.nanoTime();
    d.stop(Duration.ofSeconds(20));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "stopped promptly");
    assertEquals(1, stoppedEarly.get());
    assertEquals(
        "stopped cleanly",
        DaemonState.read(dir.resolve("daemon.json"))
            .orElseThrow()
            .job("crawl")
            .orElseThrow()
            .summary());
  }

  @Test
  void catchUpChecksComeBeforeTheFirstScheduledRunAndAFailingOneNeverStopsTheDaemon()
      throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger runsSeenByTheCheck = new AtomicInteger(-1);
    Daemon.Task crawl = () -> "run " + runs.incrementAndGet();
    java.util.function.BooleanSupplier slowCheck =
        () -> {
          try {
            Thread.sleep(1500); // a store being opened while the every-second schedule is due
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          runsSeenByTheCheck.set(runs.get());
          return false;
        };
    java.util.function.BooleanSupplier broken =
        () -> {
          throw new IllegalStateException("database is locked");
        };
    Daemon d =
        new Daemon(
            PARIS,
            List.of(
                new Daemon.Spec("crawl", "* * * * * ?", crawl, () -> {}, slowCheck),
                new Daemon.Spec("newsletter", "0 0 8 1 1 ? 2099", () -> "sent", () -> {}, broken)),
            dir.resolve("daemon.json"),
            Clock.systemUTC());
    d.start(); // the broken check is logged, not thrown
    assertEquals(0, runsSeenByTheCheck.get(), "no scheduled run began before the checks");
    long deadline = System.nanoTime() + 8_000_000_000L;
    while (runs.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(runs.get() >= 2, "the schedule runs after a failing check: " + runs.get());
    assertTrue(DaemonState.read(dir.resolve("daemon.json")).orElseThrow().running());
    d.stop(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @CsvSource({
    // last crawl,            cron,              now,                   due?
    "'',                      0 0 6-20/2 * * ?,  2026-11-23T10:00:00Z,  true",
    "2026-11-23T09:30:00Z,    0 0 6-20/2 * * ?,  2026-11-23T10:00:00Z,  false",
    "2026-11-23T07:00:00Z,    0 0 6-20/2 * * ?,  2026-11-23T10:00:00Z,  true",
    "2026-11-22T20:00:00Z,    0 0 8 * * ?,       2026-11-23T10:00:00Z,  false",
  })
  void crawlCatchUp(String last, String cron, String now, boolean due) {
    Optional<Instant> l =
        last == null || last.isBlank() ? Optional.empty() : Optional.of(Instant.parse(last));
    assertEquals(due, Catchup.crawlDue(l, cron, PARIS, Instant.parse(now)));
  }

  @ParameterizedTest
  @CsvSource({
    "0 0 8 ? * MON,  2026-11-23T09:00:00Z,  2026-11-23T07:00:00Z", // Monday 08:00 Paris = 07:00 UTC
    "0 0 8 ? * MON,  2026-11-23T06:59:00Z,  2026-11-16T07:00:00Z", // before this Monday's run: last
    // week's
    "0 0 8 ? * MON,  2026-11-26T12:00:00Z,  2026-11-23T07:00:00Z",
  })
  void lastNewsletterFire(String cron, String now, String expected) {
    assertEquals(
        Optional.of(Instant.parse(expected)), Catchup.lastFire(cron, PARIS, Instant.parse(now)));
  }
}
