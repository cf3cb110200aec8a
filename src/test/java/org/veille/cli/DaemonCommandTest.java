package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;
import org.veille.support.VeilleProcess;
import org.veille.support.Week;

/** The daemon as users run it: a process of its own, stopped with SIGTERM. */
class DaemonCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** `veille daemon --log LOG` on {@code cli}'s config, in a process of its own. */
  private VeilleProcess daemon(Cli cli, Path log, Map<String, String> env)
      throws java.io.IOException {
    return VeilleProcess.start(
        dir, env, "--config", cli.config().toString(), "daemon", "--log", log.toString());
  }

  /** A config whose sources answer slowly, so that a crawl lasts. */
  private String slowSources(int count, long millis, String crawlCron) {
    StringBuilder yaml =
        new StringBuilder(
            """
        settings:
          fetch: {timeout: 20s, concurrency: 1, per_host_delay: 0s, retries: 0}
          schedule: {crawl: "%s", newsletter: "0 0 8 1 1 ? 2099"}
          newsletter: {recipients: []}
        sources:
        """
                .formatted(crawlCron));
    String feed = new String(TestServer.fixture("gazette.xml"), StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      String body = feed.replace("/100", "/" + (3000 + i * 10));
      server.route(
          "/slow" + i + ".xml",
          ex -> {
            try {
              Thread.sleep(millis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            TestServer.send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
          });
      yaml.append("  - {id: s")
          .append(i)
          .append(", url: \"")
          .append(server.base())
          .append("/slow")
          .append(i)
          .append(".xml\"}\n");
    }
    return yaml.toString();
  }

  @Test
  void daemonCrawlsRepeatedlyAndStatusShowsIt() throws Exception {
    Cli cli = new Cli(dir, slowSources(2, 10, "*/2 * * * * ?"));
    Path log = dir.resolve("daemon.log");
    try (VeilleProcess d = daemon(cli, log, Map.of())) {
      assertTrue(
          VeilleProcess.await(30, () -> read(log).split("crawl: ok").length > 3),
          "three crawls: " + read(log));
      Cli.Result status = cli.run("status", "--format", "json");
      assertTrue(
          status
              .out()
              .startsWith("{\"daemon\":{\"running\":true,\"pid\":" + d.pid() + ",\"since\":\""),
          status.out());
      assertTrue(
          status
              .out()
              .strip()
              .matches(
                  ".*\"crawl\":\\{\"last\":\\{\"at\":\"[^\"]+\",\"outcome\":\"ok\",\"new_items\":\\d+,\"failed_sources\":0},\"next\":\"[^\"]+\"}.*"),
          status.out());
      assertTrue(
          status.out().contains("\"newsletter\":{\"last\":null,\"next\":\"2099-01-01T07:00:00Z\"}"),
          status.out());
      assertTrue(read(log).contains("crawl: started"), read(log));
      assertTrue(
          read(log).matches("(?s).*crawl: ok in \\d+\\.\\d s: 2 sources: 2 ok.*"), read(log));
      assertEquals(0, d.terminate(30), "a clean stop: " + d.output());
    }
    assertTrue(
        cli.run("status").out().startsWith("daemon       not running"), cli.run("status").out());
    assertTrue(read(log).contains("daemon stopped"), read(log));
  }

  @Test
  void cliCrawlWaitsForTheDaemonThenGivesUp() throws Exception {
    Cli cli = new Cli(dir, slowSources(1, 9_000, "*/1 * * * * ?"));
    Path log = dir.resolve("daemon.log");
    try (VeilleProcess d = daemon(cli, log, Map.of())) {
      assertTrue(VeilleProcess.await(20, () -> read(log).contains("crawl: started")), read(log));
      Thread.sleep(500);
      Cli.Result r = cli.run("crawl");
      assertEquals(2, r.code(), r.toString());
      assertTrue(
          r.err()
              .contains(
                  "another veille process is writing to " + cli.data() + " (pid " + d.pid() + ")"),
          r.err());
      assertEquals(0, d.terminate(30));
    }
  }

  @Test
  void sigtermDuringACrawlLosesNothingAndTheNextRunResumes() throws Exception {
    Cli cli = new Cli(dir, slowSources(12, 400, "0 0 0 1 1 ? 2099"));
    Path log = dir.resolve("daemon.log");
    int stored;
    try (VeilleProcess d = daemon(cli, log, Map.of())) {
      // No crawl ever ran: the daemon catches up with one at start.
      assertTrue(
          VeilleProcess.await(
              30,
              () ->
                  server.requests().stream().filter(x -> x.path().startsWith("/slow")).count()
                      >= 3),
          "crawl under way: " + read(log));
      long t0 = System.nanoTime();
      assertEquals(0, d.terminate(30), d.output());
      assertTrue((System.nanoTime() - t0) / 1_000_000_000L < 30, "stopped within 30 s");
    }
    String stats = cli.run("stats", "--format", "json").out();
    stored = Integer.parseInt(stats.replaceAll(".*\"items\":(\\d+).*\\s*", "$1"));
    int indexed = Integer.parseInt(stats.replaceAll(".*\"indexed\":(\\d+).*\\s*", "$1"));
    assertTrue(stored > 0 && stored < 36, "some sources were done, not all: " + stats);
    assertEquals(stored, indexed, "what is stored is indexed: " + stats);
    assertTrue(
        read(log).contains("crawl: ok") || read(log).contains("crawl: interrupted"), read(log));
    Cli.Result next = cli.run("crawl", "--format", "json");
    assertEquals(0, next.code(), next.toString());
    String total = cli.run("stats", "--format", "json").out();
    assertTrue(
        total.contains("\"items\":36,\"indexed\":36"), "the next run completes the work: " + total);
  }

  @Test
  void missedNewsletterIsSentOnceWhenTheDaemonComesBack() throws Exception {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try {
      String smtp =
          "  smtp: {host: 127.0.0.1, port: "
              + mail.getSmtp().getPort()
              + ", starttls: false}\n"
              + "  schedule: {crawl: \"0 0 0 1 1 ? 2099\", newsletter: \"0 0 8 ? * MON\"}\n";
      Cli cli =
          new Cli(
              dir,
              Week.config("fr", smtp + "  fetch: {retries: 0, timeout: 2s}\n")
                  .replace("https://", "http://127.0.0.1:9/"));
      Week.store(cli);
      // Monday 23 November, 09:00 in Paris: the 08:00 run was missed.
      Map<String, String> monday = Map.of("VEILLE_NOW", "2026-11-23T08:00:00Z");
      Path log = dir.resolve("daemon.log");
      try (VeilleProcess d = daemon(cli, log, monday)) {
        assertTrue(VeilleProcess.await(30, () -> read(log).contains("newsletter: ok")), read(log));
        assertEquals(0, d.terminate(30));
      }
      try (VeilleProcess d = daemon(cli, log, monday)) {
        assertTrue(
            VeilleProcess.await(30, () -> read(log).split("daemon started").length > 2), read(log));
        Thread.sleep(2000);
        assertEquals(0, d.terminate(30));
      }
      assertEquals(
          4,
          mail.getReceivedMessages().length,
          "sent once, not again at the second start: " + read(log));
      assertEquals(
          2,
          read(log).split("newsletter: catching up").length,
          "caught up once only: " + read(log));
      assertTrue(read(log).contains("week 2026-W47: 4 sent"), read(log));
      Cli.Result status = cli.env(monday).run("status", "--format", "json");
      assertTrue(
          status
              .out()
              .contains(
                  "\"newsletter\":{\"last\":{\"week\":\"2026-W47\",\"sent\":4,\"failed\":0,\"pending\":0}"),
          status.out());
    } finally {
      mail.stop();
    }
  }

  @Test
  void invalidConfigChangeIsRefusedAndTheOldOneKeepsRunning() throws Exception {
    Cli cli = new Cli(dir, slowSources(1, 10, "*/1 * * * * ?"));
    Path log = dir.resolve("daemon.log");
    try (VeilleProcess d = daemon(cli, log, Map.of())) {
      assertTrue(VeilleProcess.await(20, () -> read(log).contains("crawl: ok")), read(log));
      cli.write("sources:\n  - id: broken\n    url: not a url\n");
      assertTrue(
          VeilleProcess.await(
              20, () -> read(log).contains("config refused, the previous one keeps running")),
          read(log));
      int before = read(log).split("crawl: ok").length;
      assertTrue(
          VeilleProcess.await(20, () -> read(log).split("crawl: ok").length > before + 1),
          "still crawling: " + read(log));
      assertTrue(read(log).contains("feeds.yaml:3: sources[0].url"), read(log));
      assertTrue(d.alive());
      assertEquals(0, d.terminate(30));
    }
  }
}
