package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;
import org.veille.support.Week;

/** The messages a user reads when something is off: each names the problem in words. */
class MessagesTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anSmtpHostThatDoesNotResolveIsAnUnknownHostAndATestCopyIsOutsideTheLedger()
      throws Exception {
    String smtp = "  smtp: {host: smtp.veille.invalid, port: 2525, starttls: false}";
    Cli cli = new Cli(dir, Week.config("fr", smtp)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    Cli.Result r = cli.run("send", "--to", "moi@commune-a.example");
    assertEquals(1, r.code(), r.toString());
    assertTrue(
        r.err()
            .contains(
                "unknown host 'smtp.veille.invalid' (settings.smtp.host): the name does not resolve"),
        r.err());
    assertTrue(r.err().contains("outside the ledger: nothing recorded"), r.err());
    assertTrue(!r.err().contains("still owed"), r.err());
    assertTrue(r.out().contains("0 sent, 1 failed; a test copy is outside the ledger"), r.out());
  }

  @Test
  void aLockFileThatCannotBeOpenedSaysWhy() throws Exception {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: gazette\n    url: %s/gazette.xml\n".formatted(server.base()));
    Files.createDirectories(cli.data().resolve("veille.lock"));
    Cli.Result r = cli.run("crawl", "--no-progress");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("cannot take the writer lock"), r.err());
    assertTrue(r.err().contains("is a directory"), r.err());
  }

  @Test
  void daemonLogLinesCarryTheDateAndTheZone() {
    LoggerContext ctx = new LoggerContext();
    PatternLayout layout = new PatternLayout();
    layout.setContext(ctx);
    layout.setPattern(Logging.daemonPattern(ZoneId.of("Europe/Paris")));
    layout.start();
    LoggingEvent e = new LoggingEvent();
    e.setLoggerName("veille.daemon");
    e.setLevel(Level.INFO);
    e.setMessage("crawl done: 6 sources, 19 new items");
    e.setTimeStamp(Instant.parse("2026-11-23T07:00:00Z").toEpochMilli());
    assertEquals(
        "2026-11-23 08:00:00.000 +01:00 INFO  daemon - crawl done: 6 sources, 19 new items\n",
        layout.doLayout(e));
    e.setTimeStamp(Instant.parse("2026-07-06T06:00:00Z").toEpochMilli());
    assertTrue(layout.doLayout(e).startsWith("2026-07-06 08:00:00.000 +02:00 "));
  }

  @Test
  void opmlExportWritesTheFeedAPageLedTo() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: blog\n    name: Le blog\n    url: %s/blog.html\n"
                    .formatted(server.base()));
    assertEquals(0, cli.run("crawl", "--no-progress").code());
    String opml = cli.run("sources", "export-opml").out();
    assertTrue(
        opml.contains(
            "xmlUrl=\""
                + server.base()
                + "/gazette.xml\" htmlUrl=\""
                + server.base()
                + "/blog.html\""),
        opml);
  }

  @Test
  void facetsSayThatAnArticleCountsUnderEachSource() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: gazette\n    url: %1$s/gazette.xml\n  - id: localtis\n    url: %1$s/localtis.xml\n"
                    .formatted(server.base()));
    cli.run("crawl", "--no-progress");
    Cli.Result r = cli.run("search", "zfe", "--facets");
    assertTrue(r.out().contains("By source: gazette (1), localtis (1)"), r.out());
    assertTrue(r.out().contains("counts under each"), r.out());
    assertTrue(
        cli.run("search", "--help").out().replaceAll("\\s+", " ").contains("counts under each"));
  }
}
