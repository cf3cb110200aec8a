package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.store.SqliteStore;
import org.veille.support.Cli;
import org.veille.support.Corpus;
import org.veille.support.TestServer;

class SearchCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String TOPICS =
      """
      topics:
        - id: mobilite-zfe
          name: Mobilité et ZFE
          query: 'zfe OR "zones à faibles émissions"'
        - id: climat-gemapi
          name: Climat et GEMAPI
          query: 'gemapi OR inondation OR inondations'
      """;

  private String config(String topics) {
    return Cli.fastSettings()
        + "  timezone: Europe/Paris\n"
        + topics
        + """
        sources:
          - id: gazette
            url: %1$s/gazette.xml
          - id: localtis
            url: %1$s/localtis.xml
          - id: opsi
            url: %1$s/opsi.atom
        """
            .formatted(server.base());
  }

  @Test
  void jsonMatchesTheContract() {
    Cli cli = new Cli(dir, config(TOPICS));
    assertEquals(0, cli.run("crawl").code());
    Cli.Result r = cli.run("search", "zones à faibles émissions", "--format", "json", "--facets");
    assertEquals(0, r.code(), r.toString());
    String json = r.out().strip();
    assertTrue(
        json.startsWith(
            "{\"query\":\"zones à faibles émissions\",\"total\":1,\"hits\":[{\"id\":\""),
        json);
    assertTrue(
        json.contains(
            "\"title\":\"ZFE : les métropoles face au calendrier des zones à faibles émissions\","
                + "\"url\":\"https://www.lagazettedescommunes.com/1001/zfe-metropoles-calendrier/\",\"source\":\"gazette\","
                + "\"sources\":[\"gazette\",\"localtis\"],\"published\":\"2026-11-16T07:30:00Z\",\"lang\":\"fr\","
                + "\"topics\":[\"mobilite-zfe\"],\"snippet\":\"Les <b>zones</b> à <b>faibles</b> <b>émissions</b> (ZFE)"),
        json);
    assertTrue(
        json.matches(
            ".*\"score\":[0-9.]+,\"communes\":\\[],\"epts\":\\[],\"departements\":\\[],"
                + "\"call\":false,\"deadline\":null,\"deadline_time\":null,\"call_kind\":null,"
                + "\"final_deadline\":null,\"deadline_zone\":null,\"call_rolling\":false,"
                + "\"cluster\":null,\"cluster_size\":1}],"
                + "\"facets\":\\{\"source\":\\{\"gazette\":1,\"localtis\":1},"
                + "\"topic\":\\{\"mobilite-zfe\":1},\"lang\":\\{\"fr\":1},"
                + "\"commune\":\\{},\"territory\":\\{}}}"),
        json);
  }

  @Test
  void tableCsvAndMarkdown() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    Cli.Result table = cli.run("search", "gemapi");
    assertTrue(table.out().startsWith("1 result for \"gemapi\" (1–1, by relevance)"), table.out());
    assertTrue(table.out().contains("2026-11-18  "), "date in Paris time: " + table.out());
    assertTrue(table.out().contains("[climat-gemapi]"), table.out());
    Cli.Result csv = cli.run("search", "cities OR ville", "--format", "csv", "--sort", "date");
    List<String> lines = csv.out().lines().toList();
    assertEquals("id,title,url,source,sources,published,lang,topics,snippet,score", lines.get(0));
    assertTrue(lines.size() >= 2, csv.out());
    Cli.Result md = cli.run("search", "digital twins", "--format", "md");
    assertTrue(
        md.out()
            .contains(
                "- [Cities experiment with digital twins for climate adaptation](https://oecd-opsi.org/blog/digital-twins-climate/) — opsi, 2026-11-19"),
        md.out());
    assertTrue(md.out().contains("**digital**"), md.out());
  }

  @Test
  void emptyResultSaysSoAndBadQueryExitsTwo() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    Cli.Result none = cli.run("search", "photosynthèse");
    assertEquals(0, none.code());
    assertEquals("No results for \"photosynthèse\".\n", none.out());
    Cli.Result bad = cli.run("search", "(zfe OR gemapi");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("bad query at column 15"), bad.err());
    assertEquals("", bad.out());
    assertEquals(2, cli.run("search", "zfe", "--since", "last tuesday").code());
    assertEquals(2, cli.run("search", "zfe", "--sort", "popularity").code());
  }

  @Test
  void aPastedTitleIsFoundWithOneNoteOnStderr() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    Cli.Result r =
        cli.run("search", "Innovation publique : la 27e Région lance un nouveau programme");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("1 result for"), r.out());
    assertTrue(r.out().contains("Innovation publique : la 27e Région lance"), r.out());
    assertEquals(
        "veille: note: 'publique:' is not a field (fields: title, text, source, topic, lang,"
            + " author, commune, territory, dept, call, deadline); searched as text\n",
        r.err());
    Cli.Result json = cli.run("search", "ZFE : les métropoles", "--format", "json");
    assertEquals(0, json.code(), json.toString());
    assertTrue(json.out().contains("\"total\":1"), json.out());
    assertEquals(1, json.err().lines().count(), json.err());
    Cli.Result open = cli.run("search", "Fonds vert : un nouvel appel (à projets");
    assertEquals(2, open.code(), open.toString());
    assertTrue(open.err().contains("bad query at column"), open.err());
    assertTrue(open.err().contains("^"), open.err());
  }

  @Test
  void underAHundredColumnsATitleHasALineOfItsOwn() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    Cli.Result narrow =
        cli.env(java.util.Map.of("COLUMNS", "80")).run("search", "zfe OR gemapi", "--sort", "date");
    assertEquals(0, narrow.code(), narrow.toString());
    List<String> lines = narrow.out().lines().toList();
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), narrow.out());
    int title = lines.indexOf("GEMAPI : la taxe inondation expliquée aux communes");
    assertTrue(title > 0, narrow.out());
    assertTrue(
        lines
            .get(title + 1)
            .matches("    2026-\\d\\d-\\d\\d  [0-9a-f]{12}  gazette  \\[climat-gemapi\\]"),
        lines.get(title + 1));
    assertTrue(lines.get(title + 2).startsWith("    "), narrow.out());

    Cli.Result wide = cli.env(java.util.Map.of("COLUMNS", "120")).run("search", "zfe OR gemapi");
    List<String> wideLines = wide.out().lines().toList();
    assertTrue(wideLines.stream().allMatch(l -> l.length() <= 120), wide.out());
    assertTrue(
        wideLines.stream()
            .anyMatch(
                l ->
                    l.matches(
                        "2026-\\d\\d-\\d\\d  [0-9a-f]{12}  gazette  GEMAPI : la taxe inondation"
                            + " expliquée aux communes  \\[climat-gemapi\\]")),
        wide.out());
  }

  @Test
  void everyLineFitsTheWidthWhereverTheMatchesFall() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    for (String columns : List.of("72", "84", "99", "100", "130")) {
      for (String q : List.of("innovation", "métropole", "calendrier", "zfe OR gemapi", "")) {
        Cli.Result r = cli.env(java.util.Map.of("COLUMNS", columns)).run("search", q);
        assertEquals(0, r.code(), r.toString());
        int width = Integer.parseInt(columns);
        for (String line : r.out().lines().toList()) {
          boolean link = line.strip().startsWith("https://"); // a link is never cut
          assertTrue(link || line.length() <= width, columns + " columns, " + q + ": " + line);
        }
      }
    }
  }

  @Test
  void anUnknownTopicOrLanguageIsAnError() {
    Cli cli = new Cli(dir, config(TOPICS));
    Cli.Result topic = cli.run("search", "zfe", "--topic", "mobilite");
    assertEquals(2, topic.code(), topic.toString());
    assertTrue(
        topic.err().contains("unknown topic 'mobilite'")
            && topic.err().contains("(topics: mobilite-zfe, climat-gemapi)"),
        topic.err());
    Cli.Result lang = cli.run("search", "zfe", "--lang", "de");
    assertEquals(2, lang.code(), lang.toString());
    assertTrue(lang.err().contains("unknown language 'de' (languages: en, fr)"), lang.err());
    assertEquals(0, cli.run("search", "zfe", "--lang", "FR", "--topic", "mobilite-zfe").code());
  }

  @Test
  void sinceUntilAndSpans() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    String all =
        cli.run("search", "*", "--format", "csv", "--since", "2026-11-17", "--until", "2026-11-18")
            .out();
    assertEquals(3, all.lines().count(), "header + items of the 17th and the 18th: " + all);
    assertTrue(all.contains("Innovation publique : la 27e Région") && all.contains("GEMAPI"), all);
  }

  @Test
  void showPrintsOneItem() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    String id =
        cli.run("search", "gemapi", "--format", "csv")
            .out()
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow()
            .split(",")[0];
    Cli.Result json = cli.run("show", id, "--format", "json");
    assertTrue(
        json.out()
            .startsWith(
                "{\"id\":\""
                    + id
                    + "\",\"title\":\"GEMAPI : la taxe inondation expliquée aux communes\""),
        json.out());
    assertTrue(
        json.out()
            .contains(
                "\"guid\":\"https://www.lagazettedescommunes.com/?p=1003\",\"updated\":null,\"author\":null,"),
        json.out());
    assertTrue(json.out().contains("\"topics\":[\"climat-gemapi\"]"), json.out());
    Cli.Result text = cli.run("show", id);
    assertTrue(
        text.out().startsWith("GEMAPI : la taxe inondation expliquée aux communes\n"), text.out());
    Cli.Result missing = cli.run("show", "000000000000");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no item with id"), missing.err());
  }

  @Test
  void reindexGivesTheSameResults() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    List<String> queries =
        List.of("zfe", "cities", "innovation OR gemapi", "\"digital twins\"", "*");
    List<String> before = new ArrayList<>();
    for (String q : queries) {
      before.add(cli.run("search", q, "--format", "json", "--facets", "--sort", "date").out());
    }
    Cli.Result re = cli.run("reindex");
    assertEquals(0, re.code(), re.toString());
    assertTrue(re.out().startsWith("Reindexed 7 items"), re.out());
    for (int i = 0; i < queries.size(); i++) {
      // Same hits, order, snippets and facets; scores may move a little, as an incremental index
      // still counts replaced documents in its term statistics until they are merged away.
      assertEquals(
          withoutScores(before.get(i)),
          withoutScores(
              cli.run("search", queries.get(i), "--format", "json", "--facets", "--sort", "date")
                  .out()));
    }
    assertTrue(cli.run("stats", "--format", "json").out().contains("\"items\":7,\"indexed\":7,"));
  }

  private static String withoutScores(String json) {
    return json.replaceAll("\"score\":[0-9.E-]+", "\"score\":_");
  }

  @Test
  void itemsStoredButNotIndexedAreIndexedByTheNextWriter() throws Exception {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl", "--source", "opsi"); // creates the index
    // A crawl killed between the store commit and the index commit leaves exactly this:
    try (SqliteStore store = SqliteStore.open(cli.data().resolve("veille.db"))) {
      Corpus.store(store);
    }
    assertTrue(cli.run("search", "renaturation").out().startsWith("No results"));
    assertTrue(cli.run("stats").out().contains("(2 indexed)"), cli.run("stats").out());
    assertEquals(0, cli.run("crawl", "--source", "opsi").code());
    assertTrue(
        cli.run("search", "renaturation").out().startsWith("1 result"),
        "found after the next crawl");
    assertTrue(cli.run("stats").out().contains("(12 indexed)"), cli.run("stats").out());
  }

  @Test
  void changedTopicQueryRetagsExistingItems() {
    Cli cli = new Cli(dir, config(TOPICS));
    cli.run("crawl");
    assertTrue(
        cli.run("search", "topic:climat-gemapi", "--format", "csv").out().contains("GEMAPI"));
    assertFalse(
        cli.run("search", "topic:climat-gemapi", "--format", "csv")
            .out()
            .contains("digital twins"));
    cli.write(config(TOPICS.replace("gemapi OR inondation OR inondations", "gemapi OR climate")));
    assertEquals(
        0, cli.run("crawl").code(), "nothing to fetch (all 304), but the topics are re-tagged");
    String csv = cli.run("search", "topic:climat-gemapi", "--format", "csv").out();
    assertTrue(csv.contains("digital twins"), csv);
    assertTrue(cli.run("export").out().contains("\"topics\":[\"climat-gemapi\"]"));
  }

  @Test
  void topicWithBadQueryIsAConfigError() {
    Cli cli =
        new Cli(
            dir,
            config(TOPICS.replace("gemapi OR inondation OR inondations", "gemapi OR (inondation")));
    Cli.Result r = cli.run("crawl");
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains("feeds.yaml:8: topics[1].query: topic 'climat-gemapi': bad query at column"),
        r.err());
  }

  @Test
  void searchWorksWhileACrawlWrites() throws Exception {
    StringBuilder yaml = new StringBuilder(Cli.fastSettings() + "sources:\n");
    byte[] feed = TestServer.fixture("gazette.xml");
    for (int i = 0; i < 40; i++) {
      String body =
          new String(feed, java.nio.charset.StandardCharsets.UTF_8)
              .replace("/100", "/" + (2000 + i * 10));
      server.route(
          "/slow" + i + ".xml",
          ex -> {
            try {
              Thread.sleep(30);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            TestServer.send(
                ex,
                200,
                "application/rss+xml",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          });
      yaml.append("  - id: s")
          .append(i)
          .append("\n    url: ")
          .append(server.base())
          .append("/slow")
          .append(i)
          .append(".xml\n");
    }
    Cli cli = new Cli(dir, yaml.toString().replace("concurrency: 4", "concurrency: 1"));
    cli.run("crawl", "--source", "s0");
    AtomicReference<Cli.Result> crawl = new AtomicReference<>();
    Thread t = new Thread(() -> crawl.set(cli.run("crawl")));
    t.start();
    long last = 0;
    int searches = 0;
    while (t.isAlive()) {
      // every item, not one per story: the generated items are alike and join clusters as they come
      Cli.Result r = cli.run("search", "gemapi", "--all", "--format", "json");
      assertEquals(0, r.code(), r.toString());
      long total = Long.parseLong(r.out().replaceAll(".*\"total\":(\\d+).*\\s*", "$1"));
      assertTrue(total >= last, "results only grow: " + total + " after " + last);
      last = total;
      searches++;
    }
    t.join();
    assertEquals(0, crawl.get().code(), crawl.get().toString());
    assertTrue(searches > 1, "searched during the crawl");
    assertTrue(
        cli.run("search", "gemapi", "--all", "--format", "json").out().contains("\"total\":40"));
  }
}
