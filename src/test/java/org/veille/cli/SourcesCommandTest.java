package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

class SourcesCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void checkProbesEachSourceAndStoresNothing() {
    String b = server.base();
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + """
        sources:
          - id: gazette
            url: %1$s/gazette.xml
          - id: blog
            url: %1$s/blog.html
          - id: missing
            url: %1$s/missing.xml
          - id: json
            url: %1$s/not-a-feed.json
          - id: off
            url: %1$s/opsi.atom
            enabled: false
        """
                    .formatted(b));
    Cli.Result r = cli.run("sources", "check");
    assertEquals(1, r.code(), "an enabled source failed its probe: " + r);
    assertTrue(r.err().contains("veille: 2 sources of 4 enabled failed the probe"), r.err());
    assertTrue(r.out().contains("config OK (5 sources, 4 enabled, 0 topics)"), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("gazette") && l.contains("rss_2.0, 3 items")),
        r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l -> l.startsWith("blog") && l.contains("feed found at " + b + "/gazette.xml")),
        r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("missing") && l.contains("HTTP 404")), r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(l -> l.startsWith("json") && l.contains("JSON, but not a JSON Feed")),
        r.out());
    assertTrue(r.out().contains("4 sources probed: 2 ok, 2 failed."), r.out());
    assertTrue(cli.run("sources", "check", "--all").out().contains("5 sources probed"));
    assertTrue(!Files.exists(cli.data().resolve("veille.db")), "a check stores nothing");
  }

  @Test
  void checkPassesWhenEveryEnabledSourceAnswersAndADisabledFailureDoesNotCount() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + """
        topics:
          - id: zfe
            name: ZFE
            query: 'zfe OR "zones à faibles émissions"'
        sources:
          - id: gazette
            url: %1$s/gazette.xml
          - id: off
            url: %1$s/missing.xml
            enabled: false
        """
                    .formatted(server.base()));
    Cli.Result r = cli.run("sources", "check");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("config OK (2 sources, 1 enabled, 1 topic)"), r.out());
    assertTrue(r.out().contains("1 source probed: 1 ok, 0 failed."), r.out());
    Cli.Result all = cli.run("sources", "check", "--all");
    assertEquals(0, all.code(), "only enabled sources decide: " + all);
    assertTrue(all.out().contains("FAILED (disabled)"), all.out());
  }

  @Test
  void checkValidatesTemplatesAndWarnsOfAMissingSmtpPassword() throws Exception {
    String yaml =
        """
        settings:
          smtp: {host: 127.0.0.1, port: 2525, username: veille, password_env: VEILLE_TEST_SMTP_PASSWORD}
        sources:
          - id: gazette
            url: %1$s/gazette.xml
        """
            .formatted(server.base());
    Cli cli = new Cli(dir, yaml);
    Cli.Result warned = cli.run("sources", "check");
    assertEquals(0, warned.code(), warned.toString());
    assertTrue(
        warned
            .err()
            .contains(
                "veille: warning: settings.smtp.password_env: VEILLE_TEST_SMTP_PASSWORD is not set"
                    + " here, so 'veille send' would fail to log in as veille"),
        warned.err());
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("templates/digest.txt.mustache"),
        "{{title}}\n{{#sections}}{{name}}\n{{/section}}\n");
    Cli.Result broken = cli.run("sources", "check");
    assertEquals(2, broken.code(), broken.toString());
    assertTrue(broken.err().contains("digest.txt.mustache"), broken.err());
    assertTrue(broken.err().contains("1 problem; nothing probed"), broken.err());
    assertEquals("", broken.out());
  }

  @Test
  void opmlImportPrintsThenAppendsAndExportRoundTrips() throws Exception {
    Cli cli =
        new Cli(
            dir,
            "settings:\n  timezone: Europe/Paris\nsources:\n  - id: gazette\n    url: https://www.lagazettedescommunes.com/feed/\n");
    Path opml = dir.resolve("reader.opml");
    Files.writeString(
        opml,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Mes abonnements</title></head><body>
          <outline text="Urbanisme">
            <outline type="rss" text="Urbanews" title="Urbanews" xmlUrl="https://www.urbanews.fr/feed/" language="fr-FR"/>
            <outline type="rss" text="La Gazette" xmlUrl="https://www.lagazettedescommunes.com/feed/"/>
            <outline type="rss" text="Énergie &amp; Cités" xmlUrl="https://energy-cities.eu/feed/"/>
          </outline>
        </body></opml>
        """);
    Cli.Result printed = cli.run("sources", "import-opml", opml.toString());
    assertEquals(0, printed.code(), printed.toString());
    assertTrue(
        printed
            .out()
            .contains(
                "  - id: urbanews\n    name: \"Urbanews\"\n    url: \"https://www.urbanews.fr/feed/\"\n    lang: fr\n"),
        printed.out());
    assertTrue(printed.out().contains("id: energie-cites"), printed.out());
    assertTrue(
        !printed.out().contains("lagazettedescommunes"), "already configured feeds are skipped");

    Cli.Result written = cli.run("sources", "import-opml", opml.toString(), "--write");
    assertTrue(written.out().contains("Added 2 sources"), written.toString());
    String exported = cli.run("sources", "export-opml").out();
    assertTrue(exported.contains("xmlUrl=\"https://www.urbanews.fr/feed/\""), exported);
    assertTrue(exported.contains("title=\"Énergie &amp; Cités\""), exported);
    assertTrue(
        cli.run("sources", "import-opml", opml.toString(), "--write")
            .out()
            .contains("No new feeds"));

    Path notOpml = dir.resolve("x.opml");
    Files.writeString(notOpml, "<html><body>hello</body></html>");
    Cli.Result bad = cli.run("sources", "import-opml", notOpml.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("not an OPML file"), bad.err());
  }
}
