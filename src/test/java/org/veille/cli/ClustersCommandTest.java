package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.cluster.Bands;
import org.veille.support.Cli;
import org.veille.support.JsonTree;
import org.veille.support.TestServer;

/**
 * One story carried by two sources under different URLs, crawled from a local server: it is one
 * cluster in the store, one hit in search (every member with --all), its members in show, its
 * cluster in export, one entry in the digest naming the other source. A different story of the same
 * topic stays apart, an item without text is never clustered, and a feed that republishes its items
 * daily under new URLs gives one cluster per story.
 */
class ClustersCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond(
        "/metropole.xml", 200, "application/rss+xml", TestServer.fixture("zfe-metropole.xml"));
    server.respond(
        "/gazette.xml", 200, "application/rss+xml", TestServer.fixture("zfe-gazette.xml"));
    server.sequence(
        "/eau.xml",
        ex ->
            TestServer.send(
                ex, 200, "application/rss+xml", TestServer.fixture("rediffusion-1.xml")),
        ex ->
            TestServer.send(
                ex, 200, "application/rss+xml", TestServer.fixture("rediffusion-2.xml")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + """
                sources:
                  - id: metropole
                    name: Métropole de Lyon
                    url: %1$s/metropole.xml
                  - id: gazette
                    name: La Gazette des territoires
                    url: %1$s/gazette.xml
                  - id: eau
                    name: Infos Eau
                    url: %1$s/eau.xml
                """
                    .formatted(server.base()));
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    return cli;
  }

  private static JsonTree json(Cli.Result r) throws Exception {
    assertEquals(0, r.code(), r.toString());
    return JsonTree.parse(r.out());
  }

  private static List<JsonTree> hits(Cli cli, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("search"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "json"));
    List<JsonTree> out = new ArrayList<>();
    json(cli.run(all.toArray(String[]::new))).get("hits").forEach(out::add);
    return out;
  }

  /** Column values of the store's items by title prefix, read straight from the SQLite file. */
  private Map<String, List<Object>> rows(String sql) throws Exception {
    Map<String, List<Object>> out = new HashMap<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/veille.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> v = new ArrayList<>();
        for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
          v.add(rs.getObject(i));
        }
        out.put(rs.getString(1), v);
      }
    }
    return out;
  }

  @Test
  void oneStoryFromTwoSourcesIsOneHitWithTheOtherSource() throws Exception {
    Cli cli = crawled();
    List<JsonTree> hits = hits(cli, "Crit'Air");
    assertEquals(2, hits.size(), hits.toString()); // Lyon once, Grenoble apart
    JsonTree lyon =
        hits.stream().filter(h -> h.get("title").asText().contains("Lyon")).findFirst().get();
    JsonTree grenoble =
        hits.stream().filter(h -> h.get("title").asText().contains("Grenoble")).findFirst().get();
    assertFalse(lyon.get("cluster").isNull(), lyon.toString());
    assertEquals(2, lyon.get("cluster_size").asInt());
    assertTrue(grenoble.get("cluster").isNull(), grenoble.toString());
    assertEquals(1, grenoble.get("cluster_size").asInt());
    Cli.Result search = cli.run("search", "Crit'Air");
    assertTrue(search.out().startsWith("2 results"), search.out());
    assertTrue(search.out().contains("+1 source: "), search.out());

    List<JsonTree> all = hits(cli, "Crit'Air", "--all");
    assertEquals(3, all.size(), all.toString());
    assertEquals(
        2,
        all.stream()
            .filter(h -> h.get("cluster").asText().equals(lyon.get("cluster").asText()))
            .count());
    assertTrue(cli.run("search", "Crit'Air", "--all").out().startsWith("3 results"));
    assertFalse(cli.run("search", "Crit'Air", "--all").out().contains("+1 source"));
  }

  @Test
  void theWebSearchPageShowsAStoryOnceWithItsOtherSourceAndEveryArticleOnAsking() throws Exception {
    Cli cli = crawled();
    try (org.veille.web.WebServer web =
        org.veille.web.WebServer.start(
            org.veille.app.Context.of(
                cli.config(), cli.data(), Map.of(), new org.veille.wiring.Wiring()),
            "127.0.0.1",
            0,
            java.util.Optional.empty())) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.util.function.Function<String, String> page =
          query -> {
            try {
              var r =
                  http.send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(
                                  "http://127.0.0.1:" + web.port() + "/?q=Crit%27Air" + query))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString());
              assertEquals(200, r.statusCode(), r.body());
              return r.body();
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          };
      String collapsed = page.apply("");
      assertEquals(2, collapsed.split("<li class=\"hit\">", -1).length - 1, collapsed);
      assertTrue(collapsed.contains("+1 source : "), collapsed);
      assertTrue(collapsed.contains("Voir chaque article"), "a link to every article");
      assertTrue(collapsed.replace("&#61;", "=").contains("all=1"), collapsed);
      String every = page.apply("&all=1");
      assertEquals(3, every.split("<li class=\"hit\">", -1).length - 1, every);
      assertFalse(every.contains("+1 source : "), every);
    }
  }

  @Test
  void showListsTheMembersAndExportCarriesTheCluster() throws Exception {
    Cli cli = crawled();
    JsonTree lyon = hits(cli, "Lyon Crit'Air").get(0);
    String id = lyon.get("id").asText();
    Cli.Result show = cli.run("show", id);
    assertEquals(0, show.code(), show.toString());
    assertTrue(
        show.out()
            .contains("cluster:    " + lyon.get("cluster").asText() + " (2 items, 2 sources)"),
        show.out());
    assertTrue(
        show.out().contains("gazette-territoires.example/2026/11/18/lyon-maintient"), show.out());
    assertTrue(
        show.out().contains("grandlyon.example/actualites/zfe-crit-air-3-2027.html"), show.out());
    JsonTree shown = json(cli.run("show", id, "--format", "json"));
    assertEquals(2, shown.get("cluster_members").size());
    assertEquals(2, shown.get("cluster_size").asInt());

    Cli.Result export = cli.run("export");
    assertEquals(0, export.code(), export.toString());
    Map<String, String> clusterOf = new HashMap<>();
    for (String line : export.out().split("\n")) {
      JsonTree item = JsonTree.parse(line);
      clusterOf.put(
          item.get("title").asText(),
          item.get("cluster").isNull() ? null : item.get("cluster").asText());
    }
    String lyonCluster = lyon.get("cluster").asText();
    assertEquals(
        2, clusterOf.values().stream().filter(lyonCluster::equals).count(), clusterOf.toString());
    assertNull(clusterOf.get("Podcast : la semaine des mobilités"));
    Cli.Result csv = cli.run("export", "--format", "csv");
    assertTrue(csv.out().lines().findFirst().orElseThrow().endsWith(",cluster"), csv.out());
    assertTrue(csv.out().contains("," + lyonCluster + "\r\n"), csv.out());
  }

  @Test
  void theDigestShowsAStoryOnceNamingTheOtherSource() throws Exception {
    Cli cli = crawled();
    Cli.Result md =
        cli.run(
            "digest", "--from", "2026-11-16", "--to", "2026-11-22", "--format", "md", "--out", "-");
    assertEquals(0, md.code(), md.toString());
    int lyon = 0;
    for (String line : md.out().split("\n")) {
      if (line.contains("Crit'Air 3 au 1er janvier 2027") || line.contains("Lyon maintient")) {
        lyon++;
      }
    }
    assertEquals(1, lyon, md.out());
    assertTrue(
        md.out().contains("(aussi dans\u00A0: La Gazette des territoires)")
            || md.out().contains("(aussi dans\u00A0: Métropole de Lyon)"),
        md.out());
    assertTrue(md.out().contains("Grenoble"), md.out());
    Cli.Result text =
        cli.run(
            "digest",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-22",
            "--format",
            "text",
            "--out",
            "-");
    assertTrue(text.out().contains("aussi dans\u00A0: "), text.out());
  }

  @Test
  void anItemWithoutTextHasNoSignatureAndIsNeverClustered() throws Exception {
    crawled();
    Map<String, List<Object>> items =
        rows(
            "SELECT title, signature IS NULL, cluster IS NULL, (SELECT COUNT(*) FROM item_bands b WHERE b.item_id = items.id) FROM items");
    List<Object> podcast = items.get("Podcast : la semaine des mobilités");
    assertNotNull(podcast, items.keySet().toString());
    assertEquals(List.of(1, 1, 0), podcast);
    List<Object> velo = items.get("Vélo : 40 kilomètres de Voies lyonnaises livrées en 2026");
    assertEquals(List.of(0, 1, Bands.BANDS), velo, "signed, with its band keys, alone");
  }

  @Test
  void aFeedRepublishingItsItemsDailyUnderNewUrlsGivesOneClusterPerStory() throws Exception {
    Cli cli = crawled();
    Cli.Result again = cli.run("crawl");
    assertEquals(0, again.code(), again.toString());
    Map<String, List<Object>> items =
        rows("SELECT url, cluster, source_id FROM items WHERE source_id = 'eau'");
    assertEquals(4, items.size(), items.toString());
    Map<Object, Integer> perCluster = new HashMap<>();
    items.values().forEach(v -> perCluster.merge(v.get(0), 1, Integer::sum));
    assertEquals(2, perCluster.size(), items.toString());
    assertFalse(perCluster.containsKey(null), items.toString());
    assertEquals(List.of(2, 2), new ArrayList<>(perCluster.values()));
    assertEquals(1, hits(cli, "sécheresse").size());
    assertEquals(2, hits(cli, "sécheresse", "--all").size());
  }
}
