package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/**
 * What a feed says of itself (title, site, language) and what the parser noted reach the user:
 * {@code sources list}, {@code sources show}, and {@code feed_title} in {@code show} and {@code
 * export}.
 */
class FeedInfoCommandsTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled() {
    server.respond("/cut.xml", 200, "application/rss+xml", TestServer.fixture("truncated.xml"));
    String truncatedWithTwo =
        new String(TestServer.fixture("gazette.xml"), java.nio.charset.StandardCharsets.UTF_8);
    truncatedWithTwo =
        truncatedWithTwo.substring(
            0, truncatedWithTwo.indexOf("<item>", truncatedWithTwo.indexOf("p=1002")) + 30);
    server.respond(
        "/partial.xml",
        200,
        "application/rss+xml",
        truncatedWithTwo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Cli.crawled(dir, server, "gazette", "/gazette.xml", "partial", "/partial.xml");
  }

  @Test
  void sourcesListAndShowGiveTheFeedsOwnTitleSiteAndLanguage() {
    Cli cli = crawled();
    Cli.Result json = cli.run("sources", "list", "--format", "json");
    assertTrue(json.out().contains("\"feed_title\":\"La Gazette des communes\""), json.out());
    assertTrue(
        json.out().contains("\"feed_link\":\"https://www.lagazettedescommunes.com/\""), json.out());
    assertTrue(json.out().contains("\"feed_language\":\"fr\""), json.out());
    Cli.Result list = cli.run("sources", "list");
    assertTrue(
        list.out().lines().anyMatch(l -> l.startsWith("partial") && l.contains("ok (truncated)")),
        list.out());
    Cli.Result show = cli.run("sources", "show", "partial");
    assertEquals(0, show.code(), show.toString());
    assertTrue(show.out().contains("feed title:  La Gazette des communes"), show.out());
    assertTrue(show.out().contains("(ok, truncated)"), show.out());
    assertTrue(
        show.out().contains("note:        truncated: the document ends in the middle of entry 3"),
        show.out());
    Cli.Result showJson = cli.run("sources", "show", "gazette", "--format", "json");
    assertTrue(showJson.out().contains("\"truncated\":false"), showJson.out());
    Cli.Result unknown = cli.run("sources", "show", "nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no source 'nope' in the config"), unknown.err());
  }

  @Test
  void exportAndShowCarryTheFeedTitle() {
    Cli cli = crawled();
    Cli.Result jsonl = cli.run("export");
    String first = jsonl.out().lines().findFirst().orElseThrow();
    assertTrue(first.contains("\"feed_title\":\"La Gazette des communes\""), first);
    Cli.Result csv = cli.run("export", "--format", "csv");
    String header = csv.out().lines().findFirst().orElseThrow();
    assertTrue(header.contains(",categories,feed_title,"), header);
    assertTrue(
        csv.out().lines().skip(1).allMatch(l -> l.contains(",La Gazette des communes,")),
        csv.out());
    String id = first.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertTrue(cli.run("show", id).out().contains("feed:       La Gazette des communes"));
  }
}
