package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

class CrawlCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private String sources() {
    String b = server.base();
    return Cli.fastSettings()
        + """
        sources:
          - id: gazette
            url: %1$s/gazette.xml
          - id: localtis
            url: %1$s/localtis.xml
          - id: opsi
            url: %1$s/opsi.atom
          - id: anct
            url: %1$s/anct.html
            type: page
            select: {item: ".fr-card", title: ".fr-card__title", link: ".fr-card__title a", date: ".fr-card__detail", summary: ".fr-card__desc"}
          - id: blog
            url: %1$s/blog.html
        """
            .formatted(b);
  }

  /** Top-level scalar fields of a JSON object, as strings. */
  static Map<String, String> fields(String json) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
          p.skipChildren();
        } else {
          out.put(name, p.getValueAsString());
        }
      }
    }
    return out;
  }

  @Test
  void aCrawlInWhichEverySourceFailedSaysSoLoudly() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + """
        sources:
          - id: gazette
            url: %1$s/disparu.xml
          - id: localtis
            url: %2$s
        """
                    .formatted(server.base(), server.resetUrl("/localtis.xml")));
    Cli.Result r = cli.run("crawl", "--no-progress");
    assertEquals(0, r.code(), "done, failures reported: " + r);
    assertTrue(
        r.err().contains("veille: every source failed (2 of 2): nothing was fetched"), r.err());
    Cli.Result json = cli.run("crawl", "--format", "json", "--source", "gazette");
    assertTrue(json.err().contains("every source failed (1 of 1)"), json.err());
    assertTrue(json.out().startsWith("{\"sources\":1,"), json.out());
  }

  @Test
  void aSummaryCountsInWords() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: gazette\n    url: %s/gazette.xml\n".formatted(server.base()));
    Cli.Result r = cli.run("crawl", "--no-progress");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Crawled 1 source in "), r.out());
    assertEquals("", r.err());
  }

  @Test
  void crawlStoresEveryItemOnceAndRecrawlIsConditional() throws Exception {
    Cli cli = new Cli(dir, sources());
    Cli.Result first = cli.run("crawl", "--format", "json");
    assertEquals(0, first.code(), first.toString());
    Map<String, String> r1 = fields(first.out());
    assertEquals("5", r1.get("sources"));
    assertEquals("5", r1.get("ok"), first.toString());
    assertEquals("0", r1.get("failed"));
    // gazette 3 + localtis 2 (its ZFE article is the Gazette's) + opsi 2 + anct 3; blog = gazette's
    // feed
    assertEquals("10", r1.get("new_items"), first.toString());

    Cli.Result second = cli.run("crawl", "--format", "json");
    Map<String, String> r2 = fields(second.out());
    assertEquals("5", r2.get("not_modified"), second.toString());
    assertEquals("0", r2.get("new_items"));
    assertEquals("0", r2.get("updated_items"));
    TestServer.Request again =
        server.requests("/gazette.xml").get(server.requests("/gazette.xml").size() - 1);
    assertTrue(again.header("If-None-Match") != null && again.header("If-Modified-Since") != null);
    assertEquals(
        1,
        server.requests("/blog.html").size(),
        "the HTML page is fetched once; later runs go straight to the feed it links");

    List<String> lines = cli.run("export").out().lines().toList();
    assertEquals(10, lines.size());
    String zfe =
        lines.stream()
            .filter(l -> l.contains("zfe-metropoles-calendrier"))
            .findFirst()
            .orElseThrow();
    assertTrue(zfe.contains("\"sources\":[\"gazette\",\"localtis\",\"blog\"]"), zfe);
    assertTrue(
        zfe.contains(
            "\"title\":\"ZFE : les métropoles face au calendrier des zones à faibles émissions\""),
        "the first source gives the title: " + zfe);
    assertTrue(
        zfe.contains(
            "\"url\":\"https://www.lagazettedescommunes.com/1001/zfe-metropoles-calendrier/\""),
        zfe);
    String note =
        lines.stream().filter(l -> l.contains("Note interne sans lien")).findFirst().orElseThrow();
    assertTrue(note.contains("\"url\":null"), note);
  }

  @Test
  void changedTitleUpdatesTheItem() throws Exception {
    Cli cli = new Cli(dir, sources());
    cli.run("crawl");
    String changed =
        new String(TestServer.fixture("gazette.xml"), StandardCharsets.UTF_8)
            .replace(
                "GEMAPI : la taxe inondation expliquée aux communes",
                "GEMAPI : la taxe inondation, mode d'emploi");
    server.respond(
        "/gazette.xml", 200, "application/rss+xml", changed.getBytes(StandardCharsets.UTF_8));
    Map<String, String> r =
        fields(cli.run("crawl", "--format", "json", "--source", "gazette").out());
    assertEquals("1", r.get("updated_items"));
    assertEquals("0", r.get("new_items"));
    String export = cli.run("export", "--source", "gazette").out();
    assertTrue(export.contains("GEMAPI : la taxe inondation, mode d'emploi"), export);
    assertEquals(3, export.lines().count());
  }

  @Test
  void failingSourcesAreReportedAndLoseNothing() throws Exception {
    Cli cli = new Cli(dir, sources());
    assertEquals(0, cli.run("crawl").code());
    String before = cli.run("export").out();

    server.respond(
        "/gazette.xml", 503, "text/plain", "maintenance".getBytes(StandardCharsets.UTF_8));
    server.respond("/localtis.xml", 200, "application/xml", TestServer.fixture("bomb.xml"));
    server.respond("/opsi.atom", 200, "application/xml", TestServer.fixture("truncated.xml"));
    server.respond("/anct.html", 200, "text/html", TestServer.fixture("nofeed.html"));
    Cli.Result r = cli.run("crawl");
    assertEquals(0, r.code(), "a crawl with failed sources is still done: " + r);
    assertTrue(r.out().contains("HTTP 503 after 2 tries"), r.out());
    assertTrue(r.out().contains("entity"), r.out());
    assertTrue(r.out().contains("truncated"), r.out());
    assertTrue(r.out().contains("broken selector"), r.out());
    assertTrue(
        r.out().contains("0 ok (0 not modified), 5 failed"),
        "blog's feed is the gazette's: " + r.out());
    assertEquals(before, cli.run("export").out(), "nothing stored was lost");

    Cli.Result list = cli.run("sources", "list");
    assertTrue(
        list.out()
            .lines()
            .anyMatch(l -> l.startsWith("anct") && l.contains("UNHEALTHY: broken selector")),
        list.out());
    assertTrue(
        list.out().lines().anyMatch(l -> l.startsWith("gazette") && l.contains(" healthy ")),
        "one failure is not yet unhealthy: " + list.out());
  }

  @Test
  void sourceThatKeepsFailingIsBackedOffAndShownUnhealthy() throws Exception {
    server.respond("/down.xml", 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: down\n    url: "
                + server.base()
                + "/down.xml\n"
                + "  - id: gazette\n    url: "
                + server.base()
                + "/gazette.xml\n");
    cli.run("crawl");
    cli.run("crawl");
    Cli.Result third = cli.run("crawl", "--format", "json");
    assertEquals("1", fields(third.out()).get("skipped"), third.toString());
    assertEquals(4, server.requests("/down.xml").size(), "2 runs × 2 tries, then backed off");
    Cli.Result forced = cli.run("crawl", "--source", "down");
    assertTrue(forced.out().contains("failed"), forced.toString());
    Cli.Result list = cli.run("sources", "list");
    assertTrue(
        list.out()
            .lines()
            .anyMatch(l -> l.startsWith("down") && l.contains("UNHEALTHY") && l.contains(" 3 ")),
        list.out());
    assertTrue(list.out().contains("1 unhealthy"), list.out());
  }

  @Test
  void deadServerIsAClearNetworkError() throws Exception {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: reset\n    url: "
                + server.resetUrl("/feed.xml")
                + "\n");
    Cli.Result r = cli.run("crawl");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("failed") && r.out().contains("127.0.0.1"), r.out());
  }

  @Test
  void badConfigExitsTwoWithFileAndLine() {
    Cli cli = new Cli(dir, "sources:\n  - id: a\n    url: https://a.example/\n    colour: red\n");
    Cli.Result r = cli.run("crawl");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("feeds.yaml:4: sources[0].colour: unknown key"), r.err());
    assertFalse(r.err().contains("at org.veille"), "no stack trace without --verbose");
    assertEquals("", r.out());
  }

  @Test
  void unknownSourceIsAUsageError() {
    Cli cli = new Cli(dir, sources());
    Cli.Result r = cli.run("crawl", "--source", "nope");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown source 'nope'"), r.err());
  }

  @Test
  void secondWriterWaitsThenExitsTwo() throws Exception {
    Cli cli = new Cli(dir, sources());
    try (var lock = org.veille.store.WriterLock.acquire(cli.data(), java.time.Duration.ZERO)) {
      Cli.Result r = cli.run("crawl");
      assertEquals(2, r.code());
      assertTrue(
          r.err()
              .contains(
                  "another veille process is writing to "
                      + cli.data()
                      + " (pid "
                      + ProcessHandle.current().pid()
                      + ")"),
          r.err());
    }
    assertEquals(0, cli.run("crawl").code(), "free again once the other writer is done");
  }

  @Test
  void statsAndExportFormats() throws Exception {
    Cli cli = new Cli(dir, sources());
    cli.run("crawl");
    Map<String, String> stats = fields(cli.run("stats", "--format", "json").out());
    assertEquals("5", stats.get("sources"));
    assertEquals("10", stats.get("items"));
    assertTrue(Long.parseLong(stats.get("db_bytes")) > 0);
    assertTrue(stats.get("last_crawl").endsWith("Z"));
    String csv = cli.run("export", "--format", "csv").out();
    assertTrue(
        csv.startsWith(
            "id,title,url,source,sources,published,lang,topics,guid,updated,author,summary,content,first_seen,categories"),
        csv);
    assertEquals(11, csv.lines().filter(l -> l.matches("^[0-9a-f]{12},.*")).count() + 1);
    String since = cli.run("export", "--since", "2026-11-18").out();
    assertTrue(
        since
            .lines()
            .allMatch(
                l ->
                    l.contains("\"published\":\"2026-11-1")
                        || l.contains("\"published\":\"2026-11-2")),
        since);
    assertEquals(2, cli.run("export", "--since", "yesterday-ish").code());
  }
}
