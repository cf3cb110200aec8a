package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;
import org.veille.support.VeilleProcess;
import org.veille.support.Week;

/** The daemon as users run it: a process of its own, stopped with SIGTERM. */
class DaemonCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

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
  private VeilleProcess daemon(Cli cli, Path log, Map<String, String> env, String... options)
      throws java.io.IOException {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--config", cli.config().toString(), "daemon", "--log", log.toString()));
    args.addAll(List.of(options));
    return VeilleProcess.start(dir, env, args.toArray(String[]::new));
  }

  /**
   * The week's items stored, its letter mailed to the local SMTP server by the Monday 08:00 job
   * (the crawl never due, its sources unreachable); {@code review} whether the letter waits for
   * approval.
   */
  private Cli mondayLetters(boolean review) throws Exception {
    String settings =
        Week.smtp(mail.getSmtp().getPort())
            + "\n  schedule: {crawl: \"0 0 0 1 1 ? 2099\", newsletter: \"0 0 8 ? * MON\"}\n"
            + "  fetch: {retries: 0, timeout: 2s}\n";
    String yaml = Week.config("fr", settings).replace("https://", "http://127.0.0.1:9/");
    Cli cli =
        new Cli(
            dir, review ? yaml.replace("max_items: 12", "max_items: 12\n    review: true") : yaml);
    Week.store(cli);
    return cli;
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
  void webOptionsAreCheckedBeforeAnythingStarts() throws Exception {
    Cli cli = new Cli(dir, slowSources(1, 10, "0 0 0 1 1 ? 2099"));
    Cli.Result alone = cli.run("daemon", "--port", "9000");
    assertEquals(2, alone.code(), alone.toString());
    assertTrue(
        alone.err().contains("--port, --bind and --password-env go with --serve"), alone.err());
    Cli.Result port = cli.run("serve", "--port", "70000");
    assertEquals(2, port.code(), port.toString());
    assertTrue(port.err().contains("--port must be 0–65535"), port.err());
    Cli.Result unset = cli.run("serve", "--password-env", "VEILLE_NO_SUCH_PASSWORD");
    assertEquals(2, unset.code(), unset.toString());
    assertTrue(
        unset.err().contains("VEILLE_NO_SUCH_PASSWORD: that variable is not set"), unset.err());
    assertFalse(Files.exists(dir.resolve("data/veille.db")), "nothing was started");
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
    Cli cli = mondayLetters(false);
    Path log = dir.resolve("daemon.log");
    // Installed on Sunday: the daemon starts, and stops for maintenance
    try (VeilleProcess d = daemon(cli, log, Map.of("VEILLE_NOW", "2026-11-22T15:00:00Z"))) {
      assertTrue(
          VeilleProcess.await(30, () -> read(log).contains("not catching it up")), read(log));
      assertEquals(0, d.terminate(30), read(log));
    }
    assertEquals(0, mail.getReceivedMessages().length, "Sunday: nothing owed yet");
    // Monday 23 November, 09:00 in Paris: the 08:00 run was missed.
    Map<String, String> monday = Map.of("VEILLE_NOW", "2026-11-23T08:00:00Z");
    try (VeilleProcess d = daemon(cli, log, monday)) {
      assertTrue(VeilleProcess.await(30, () -> read(log).contains("newsletter: ok")), read(log));
      assertEquals(0, d.terminate(30));
    }
    try (VeilleProcess d = daemon(cli, log, monday)) {
      assertTrue(
          VeilleProcess.await(30, () -> read(log).split("daemon started").length > 3), read(log));
      Thread.sleep(2000);
      assertEquals(0, d.terminate(30));
    }
    assertEquals(
        4,
        mail.getReceivedMessages().length,
        "sent once, not again at the second start: " + read(log));
    assertEquals(
        2, read(log).split("newsletter: catching up").length, "caught up once only: " + read(log));
    assertTrue(read(log).contains("week 2026-W47: 4 sent"), read(log));
    Cli.Result status = cli.env(monday).run("status", "--format", "json");
    assertTrue(
        status
            .out()
            .contains(
                "\"newsletter\":{\"last\":{\"week\":\"2026-W47\",\"sent\":4,\"failed\":0,\"pending\":0}"),
        status.out());
  }

  @Test
  void aNewInstallationDoesNotMailLastWeeksLetterUnlessToldTo() throws Exception {
    // items imported, recipients configured, the daemon never ran here
    Cli cli = mondayLetters(false);
    Map<String, String> monday = Map.of("VEILLE_NOW", "2026-11-23T08:00:00Z");
    Path log = dir.resolve("daemon.log");
    try (VeilleProcess d = daemon(cli, log, monday)) {
      assertTrue(
          VeilleProcess.await(30, () -> read(log).contains("not catching it up")), read(log));
      Thread.sleep(1500);
      assertEquals(0, d.terminate(30));
    }
    assertEquals(0, mail.getReceivedMessages().length, "first start: no letter: " + read(log));
    try (VeilleProcess d = daemon(cli, log, monday, "--catch-up")) {
      assertTrue(VeilleProcess.await(30, () -> read(log).contains("newsletter: ok")), read(log));
      assertEquals(0, d.terminate(30));
    }
    assertEquals(4, mail.getReceivedMessages().length, "--catch-up sends it: " + read(log));
  }

  @Test
  void anUnapprovedWeekIsHeldOnMondayAndTheEditorTold() throws Exception {
    Cli cli = mondayLetters(true);
    Map<String, String> monday = Map.of("VEILLE_NOW", "2026-11-23T08:00:00Z");
    Path log = dir.resolve("daemon.log");
    try (VeilleProcess d = daemon(cli, log, monday, "--catch-up")) {
      assertTrue(
          VeilleProcess.await(30, () -> read(log).contains("held, not approved")), read(log));
      assertEquals(0, d.terminate(30));
    }
    assertTrue(read(log).contains("not approved: nothing sent"), read(log));
    List<String> to = new java.util.ArrayList<>();
    for (var m : mail.getReceivedMessages()) {
      to.add(m.getHeader("To", null) + " " + m.getSubject());
    }
    assertEquals(1, to.size(), "the editor only: " + to);
    assertTrue(to.get(0).startsWith("editeur@metropole.example"), to.toString());
    assertTrue(to.get(0).contains("lettre non validée"), to.toString());
    Cli.Result approve = cli.env(monday).run("review", "approve", "--week", Week.NAME);
    assertEquals(0, approve.code(), approve.toString());
    Cli.Result send = cli.env(monday).run("send");
    assertEquals(0, send.code(), send.toString());
    assertEquals(
        5, mail.getReceivedMessages().length, "the approved letter went out: " + read(log));
  }

  @Test
  void invalidConfigChangeIsRefusedAndTheOldOneKeepsRunning() throws Exception {
    Cli cli = new Cli(dir, slowSources(1, 10, "*/1 * * * * ?"));
    Path log = dir.resolve("daemon.log");
    try (VeilleProcess d = daemon(cli, log, Map.of())) {
      // the first wait includes the start of a JVM, slow on a loaded machine
      assertTrue(VeilleProcess.await(60, () -> read(log).contains("crawl: ok")), read(log));
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
