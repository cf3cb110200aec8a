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
            url: %1$s/feed.json
          - id: off
            url: %1$s/opsi.atom
            enabled: false
        """
                    .formatted(b));
    Cli.Result r = cli.run("sources", "check");
    assertEquals(0, r.code(), r.toString());
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
            .anyMatch(l -> l.startsWith("json") && l.contains("JSON, not an RSS or Atom feed")),
        r.out());
    assertTrue(r.out().contains("4 sources probed: 2 ok, 2 failed."), r.out());
    assertTrue(cli.run("sources", "check", "--all").out().contains("5 sources probed"));
    assertTrue(!Files.exists(cli.data().resolve("veille.db")), "a check stores nothing");
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
